#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Gap analysis and JPM for N employees × the 9 seeded competencies: imports a gen_data.py
# register and its assessment results (penilaian.csv), then times `kompeten-cli report gaps`
# (every employee judged, a summary printed), the same with --xlsx (the workbook written), and
# `chart jpm-distribution --png` (the JPM categories per unit drawn).
#
#   bench/gaps.sh                    # N=100000, RUNS=5
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cli=${KOMPETEN_CLI:-$root/build/src/cli/kompeten-cli}
gen=${GEN_DATA:-$root/../shared/tools/gen_data.py}
n=${N:-100000}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2) ? a[m] : (a[m] + a[m + 1]) / 2 }'; }

python3 "$gen" --out "$work/data" --employees "$n" --applicants 40 --seed 1 > /dev/null
"$cli" --db "$work/g.db" import employees "$work/data/pegawai.csv" > /dev/null
/usr/bin/time -f "%e" -o "$work/t" "$cli" --db "$work/g.db" import assessments "$work/data/penilaian.csv" > /dev/null
results=$(($(wc -l < "$work/data/penilaian.csv") - 1))
echo "== $n employees, $results assessment results imported in $(cat "$work/t") s ($(nproc) cores, $(date -u +%F))"

for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/t" "$cli" --db "$work/g.db" report gaps > "$work/summary"
  cat "$work/t" >> "$work/gaps"
  /usr/bin/time -f "%e %M" -o "$work/t" "$cli" --db "$work/g.db" report gaps --xlsx "$work/gaps.xlsx" > /dev/null
  cat "$work/t" >> "$work/xlsx"
  /usr/bin/time -f "%e %M" -o "$work/t" "$cli" --db "$work/g.db" chart jpm-distribution --png "$work/jpm.png" > /dev/null
  cat "$work/t" >> "$work/jpm"
done
cat "$work/summary"
printf 'report gaps (judge everyone, print the summary): median %s s, max RSS %s KB\n' \
  "$(cut -d' ' -f1 "$work/gaps" | median)" "$(cut -d' ' -f2 "$work/gaps" | median)"
printf 'report gaps --xlsx (and write the workbook):     median %s s, max RSS %s KB\n' \
  "$(cut -d' ' -f1 "$work/xlsx" | median)" "$(cut -d' ' -f2 "$work/xlsx" | median)"
printf 'chart jpm-distribution --png:                    median %s s, max RSS %s KB\n' \
  "$(cut -d' ' -f1 "$work/jpm" | median)" "$(cut -d' ' -f2 "$work/jpm" | median)"
