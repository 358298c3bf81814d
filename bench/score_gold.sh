#!/usr/bin/env bash
# score_gold.sh - the claim extractor against every gold set: the shared
# Reuters dev gold and the project's own batches (bench/gold/), one line
# a set. Needs ../shared beside the checkout and a built build/cli/assay.
#   bash bench/score_gold.sh [ASSAY_BIN]
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/cli/assay}
shared=${ASSAY_SHARED:-../shared}
score=$shared/dev/claims/score.py
[ -f "$score" ] || { echo "score_gold: $score not found (../shared beside the checkout)" >&2; exit 2; }
printf '%-18s %s\n' reuters-1987-dev "$(python3 "$score" "$shared/dev/claims/reuters-1987/gold.jsonl" "$shared/dev/claims/reuters-1987" "$bin" --text | tail -1)"
for g in bench/gold/*-b[0-9]*.jsonl; do
	b=$(basename "$g" .jsonl)
	set=${b%-b*}
	printf '%-18s %s\n' "$b" "$(python3 "$score" "$g" "$shared/dev/text/$set" "$bin" --text | tail -1)"
done
