#!/usr/bin/env bash
# The PDF figures: what the reader finds in each PDF (evals/PDF-RESULTS.md) and the benchmark on
# each (evals/pdf/*.md), on the two real reports and on two PDFs of the Blueprint report.
#   bash evals/pdf_results.sh            (from the repository root; real model; about 20 minutes on 2 cores)
# The real PDFs are read from ../shared/realpdfs (never copied into the repository).
set -euo pipefail
source "$(dirname "$0")/env.sh"
export PYTHONPATH=${PYTHONPATH:-src}
mkdir -p "$WORK"/{wef,columns,oecd,uk}
PYTHONPATH=$PYTHONPATH:tests $PY tests/wefpdf.py "$WORK/wef/blueprint-wef-template.pdf"
PYTHONPATH=$PYTHONPATH:tests $PY tests/chromiumpdf.py "$WORK/columns/blueprint-two-columns.pdf" --columns --no-outline
cp "$REAL/OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf" "$WORK/oecd/"
cp "$REAL/UK_National_AI_Strategy.pdf" "$WORK/uk/"
$PY -m askwef.ingest.survey "$WORK/wef/blueprint-wef-template.pdf" "$WORK/columns/blueprint-two-columns.pdf" \
    "$WORK/oecd/OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf" "$WORK/uk/UK_National_AI_Strategy.pdf" \
    --golden evals/golden-oecd.jsonl evals/golden-uk.jsonl --out evals/PDF-RESULTS.md
sed -i "s#$WORK/[a-z]*/##g" evals/PDF-RESULTS.md
for run in "wef evals/golden.jsonl wef-template" "columns evals/golden.jsonl two-columns" \
           "oecd evals/golden-oecd.jsonl oecd" "uk evals/golden-uk.jsonl uk"; do
  set -- $run
  $ASKWEF eval --corpus "$WORK/$1" --index "$WORK/$1-index" --golden "$2" --systems askwef --no-chart \
      --out "$WORK/$1-out" --results-md "evals/pdf/$3.md" > /dev/null
done
echo "wrote evals/PDF-RESULTS.md and evals/pdf/*.md"
