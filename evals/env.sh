# Sourced by the evals/*.sh scripts: the interpreter and CLI (PYTHON, ASKWEF), the real PDFs' folder
# (REAL), a work folder removed on exit (WORK), and the model kept offline.
PY=${PYTHON:-.venv/bin/python}
ASKWEF=${ASKWEF:-.venv/bin/askwef}
REAL=${REAL:-../shared/realpdfs}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
