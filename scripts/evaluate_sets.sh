#!/usr/bin/env bash
# Extract and score every gold set: the seeds, dev and wider articles, and the blind-coded corpus
# (whole, by fold and by region). usage: scripts/evaluate_sets.sh [OUTDIR]   (default out/eval)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${1:-out/eval}
BIN=${BIN:-.venv/bin}
mkdir -p "$OUT"
"$BIN/veilleur" extract "$SHARED/seeds" --published-map "$SHARED/gold/seeds.jsonl" -o "$OUT/seeds.jsonl" -q
"$BIN/veilleur" extract "$SHARED/dev/articles.jsonl" -o "$OUT/dev.jsonl" -q
"$BIN/veilleur" extract "$SHARED/dev/wider.jsonl" -o "$OUT/wider.jsonl" -q
"$BIN/veilleur" extract "$SHARED/corpus/articles.jsonl" -o "$OUT/corpus.jsonl" -q
for set in seeds dev wider; do
  echo "== $set"; "$BIN/veilleur" evaluate "$SHARED/gold/$set.jsonl" "$OUT/$set.jsonl"
done
# the corpus gold; while coding goes on, the coded part (written by corpus/tools/build_gold.py)
GOLD=${GOLD:-corpus/gold.jsonl}
[ -f "$GOLD" ] || GOLD=corpus/work/out/gold-partial.jsonl
if [ -f "$GOLD" ]; then
  echo "== corpus ($GOLD)"; "$BIN/veilleur" evaluate "$GOLD" "$OUT/corpus.jsonl"
  echo "== corpus, developed on (folds 0-3)"
  "$BIN/veilleur" evaluate "$GOLD" "$OUT/corpus.jsonl" --fold 0 --fold 1 --fold 2 --fold 3
  echo "== corpus, held back (fold 4)"; "$BIN/veilleur" evaluate "$GOLD" "$OUT/corpus.jsonl" --fold 4
  echo "== corpus by region"; "$BIN/veilleur" evaluate "$GOLD" "$OUT/corpus.jsonl" --by region
fi
