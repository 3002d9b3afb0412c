#!/usr/bin/env bash
# Interference: each report's golden questions asked of the report alone, then of the library of all of
# them (the Blueprint report and the real PDFs in ../shared/realpdfs). Issue 13 allows at most 2 points
# of answer accuracy lost to the other reports. Writes evals/LIBRARY.md.
#   bash evals/interference.sh        (from the repository root; real model; about 20 minutes on 2 cores)
set -euo pipefail
source "$(dirname "$0")/env.sh"
OECD=OECD_Palestinian_Authority_Strengthening_Public_Administration.pdf
UK=UK_National_AI_Strategy.pdf
mkdir -p "$WORK"/{blueprint,oecd,uk,library}
cp corpus/*.md "$WORK/blueprint/"
cp "$REAL/$OECD" "$WORK/oecd/"
cp "$REAL/$UK" "$WORK/uk/"
cp corpus/*.md "$REAL/$OECD" "$REAL/$UK" "$WORK/library/"

run() {  # corpus golden split out
  $ASKWEF eval --corpus "$WORK/$1" --index "$WORK/$1-index" --golden "$2" --split "$3" --systems askwef --no-chart \
      --out "$WORK/$4" --results-md "$WORK/$4.md" > /dev/null
}
run blueprint evals/golden.jsonl test blueprint-alone
run oecd evals/golden-oecd.jsonl all oecd-alone
run uk evals/golden-uk.jsonl all uk-alone
run library evals/golden.jsonl test blueprint-library
run library evals/golden-oecd.jsonl all oecd-library
run library evals/golden-uk.jsonl all uk-library

$PY - "$WORK" <<'EOF' > evals/LIBRARY.md
import json, sys, time
work = sys.argv[1]
names = {"blueprint": "Blueprint to Action (markdown, test split)", "oecd": "OECD Palestinian Authority review (PDF)", "uk": "UK National AI Strategy (PDF)"}
keys = [("hit@1", "R@1"), ("hit@5", "R@5"), ("answer_acc", "Ans"), ("endnote_acc", "Notes"), ("abstention", "Abst"),
        ("false_abstention", "FalseAbst"), ("section_acc", "Sect"), ("page_acc", "Page")]
print("# One report alone and in the library\n")
print(f"Written by `bash evals/interference.sh` on {time.strftime('%Y-%m-%d')}: each report's golden questions asked of the")
print("report alone, then of the library of all three (the Blueprint report and the two real PDFs).\n")
print("| report | index | " + " | ".join(k for _, k in keys) + " |")
print("|---|---|" + "---:|" * len(keys))
for doc, title in names.items():
    for where in ("alone", "library"):
        m = json.load(open(f"{work}/{doc}-{where}/results.json"))["systems"]["askwef"]["overall"]
        cells = [("n/a" if m.get(k) is None else f"{m[k]:.3f}") for k, _ in keys]
        print(f"| {title} | {where} | " + " | ".join(cells) + " |")
EOF
echo "wrote evals/LIBRARY.md"
