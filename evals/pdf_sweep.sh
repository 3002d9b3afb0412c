#!/usr/bin/env bash
# The reader on PDFs nobody here made: the test PDFs that pypdf's and pikepdf's source packages ship (fetched from
# PyPI; odd encodings, encryption of every kind, broken cross-reference tables, fuzzers' findings), each read in a
# process of its own with a time limit. Writes evals/PDF-SWEEP.md; fails if any PDF crashed or hung.
#   bash evals/pdf_sweep.sh          (from the repository root; a few minutes on 2 cores)
set -euo pipefail
source "$(dirname "$0")/env.sh"
export PYTHONPATH=${PYTHONPATH:-src}
mkdir -p "$WORK/dl"
$PY -m pip download --quiet --no-deps --no-binary :all: pypdf==7.1.1 pikepdf==10.18.0 -d "$WORK/dl"
for archive in "$WORK"/dl/*.tar.gz; do tar -xzf "$archive" -C "$WORK/dl"; done
$PY evals/pdf_sweep.py "$WORK"/dl/pypdf-7.1.1 "$WORK"/dl/pikepdf-10.18.0 --timeout 120 --out evals/PDF-SWEEP.md
