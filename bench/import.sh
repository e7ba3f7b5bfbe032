#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `kompeten-cli import employees` against the sqlite3 shell's `.import` of the same
# pegawai.csv into a plain table, in the same run on the same machine, and reports medians,
# the ratio, and peak memory (max RSS) at several file sizes.
#
#   bench/import.sh                 # 100,000 employees, 5 runs each
#   N=50000 RUNS=9 bench/import.sh
#
# Needs a built tree (build/), python3, sqlite3 and GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cli=${KOMPETEN_CLI:-$root/build/src/cli/kompeten-cli}
gen=${GEN_DATA:-$root/../shared/tools/gen_data.py}
n=${N:-100000}
runs=${RUNS:-5}
sizes=${SIZES:-"25000 100000 400000"}

[ -x "$cli" ] || { echo "build first: $cli is missing" >&2; exit 1; }
[ -f "$gen" ] || { echo "gen_data.py not found at $gen (set GEN_DATA)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2) ? a[m] : (a[m] + a[m + 1]) / 2 }'; }

# run LABEL CMD... : appends "seconds maxrss_kb" to $work/LABEL
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/t" >> "$work/$label"
}

python3 "$gen" --out "$work/data" --employees "$n" --applicants 40 --seed 1
csv=$work/data/pegawai.csv
rows=$(($(wc -l < "$csv") - 1))

for _ in $(seq "$runs"); do
  rm -f "$work"/k.db*
  run kompeten "$cli" --db "$work/k.db" import employees "$csv"
  run reimport "$cli" --db "$work/k.db" import employees "$csv"
  rm -f "$work"/s.db*
  run sqlite3 sqlite3 "$work/s.db" ".mode csv" ".import $csv pegawai"
done

k=$(cut -d' ' -f1 "$work/kompeten" | median)
r=$(cut -d' ' -f1 "$work/reimport" | median)
s=$(cut -d' ' -f1 "$work/sqlite3" | median)
km=$(cut -d' ' -f2 "$work/kompeten" | median)
sm=$(cut -d' ' -f2 "$work/sqlite3" | median)

echo "== import of $rows employees, median of $runs runs ($(nproc) cores, $(date -u +%F))"
printf '%-44s %8s s %10s KB\n' "kompeten-cli import employees (new database)" "$k" "$km"
printf '%-44s %8s s\n' "kompeten-cli import employees (again, no change)" "$r"
printf '%-44s %8s s %10s KB\n' "sqlite3 .import into a plain table" "$s" "$sm"
awk -v k="$k" -v s="$s" 'BEGIN { printf "ratio kompeten / sqlite3: %.2f\n", k / s }'

echo "== peak memory by file size (one run each)"
for size in $sizes; do
  python3 "$gen" --out "$work/size" --employees "$size" --applicants 40 --seed 2 > /dev/null
  rm -f "$work"/m.db* "$work/mem"
  /usr/bin/time -f "%e %M" -o "$work/mem" "$cli" --db "$work/m.db" import employees "$work/size/pegawai.csv" > /dev/null
  printf '%8d employees: %6s s, %8s KB max RSS\n' "$size" $(cat "$work/mem")
done
