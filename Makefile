# Two commands on a fresh machine: `make run` (chat app) and `make test` (the test suite).
# Both create .venv and install everything themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run test test-fast eval build bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	# torch first, from the CPU wheel on this disk; otherwise pip pulls a CUDA build of several GB
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/askwef build

run: $(STAMP)
	$(BIN)/askwef build --if-needed
	$(BIN)/python app.py

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

eval: $(STAMP)
	$(BIN)/askwef eval --split test --before evals/before/results.json
	$(BIN)/askwef eval --split holdout --out evals/out/holdout --results-md evals/HOLDOUT.md --no-chart

bench: $(STAMP)
	$(BIN)/askwef bench

clean:
	rm -rf $(VENV) index/current index/.tmp-* index/.lock
