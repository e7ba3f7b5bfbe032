#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `kompeten-cli import applicants` against the sqlite3 shell's `.import` of the same
# pelamar.csv into a plain table, in the same run on the same machine, and reports medians,
# the ratio, and peak memory (max RSS) at several file sizes.
#
#   bench/applicants.sh                  # 1,000,000 applicants, 3 runs each
#   N=100000 RUNS=5 bench/applicants.sh
#
# Needs a built tree (build/), python3, sqlite3 and GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cli=${KOMPETEN_CLI:-$root/build/src/cli/kompeten-cli}
gen=${GEN_DATA:-$root/../shared/tools/gen_data.py}
n=${N:-1000000}
runs=${RUNS:-3}
sizes=${SIZES:-"100000 1000000"}

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

# new_db FILE DATA: a database with selection 1 and the formasi of DATA/formasi.csv (the
# selection is written directly: it is not what is measured).
new_db() {
  rm -f "$1" "$1-wal" "$1-shm"
  "$cli" --db "$1" audit verify > /dev/null
  sqlite3 "$1" "INSERT INTO selection (id, name, type, year, created_at)
                VALUES (1, 'CPNS 2024', 'cpns', 2024, '2024-08-01T00:00:00Z')"
  "$cli" --db "$1" import formasi --selection 1 "$2/formasi.csv" > /dev/null
}

python3 "$gen" --out "$work/data" --employees 30 --applicants "$n" --seed 1 > /dev/null
csv=$work/data/pelamar.csv
rows=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["pelamar"])' "$work/data/manifest.json")

for _ in $(seq "$runs"); do
  new_db "$work/k.db" "$work/data"
  run kompeten "$cli" --db "$work/k.db" import applicants --selection 1 "$csv"
  run reimport "$cli" --db "$work/k.db" import applicants --selection 1 "$csv"
  rm -f "$work"/s.db*
  run sqlite3 sqlite3 "$work/s.db" ".mode csv" ".import $csv pelamar"
done

k=$(cut -d' ' -f1 "$work/kompeten" | median)
r=$(cut -d' ' -f1 "$work/reimport" | median)
s=$(cut -d' ' -f1 "$work/sqlite3" | median)
km=$(cut -d' ' -f2 "$work/kompeten" | median)
rm_=$(cut -d' ' -f2 "$work/reimport" | median)
sm=$(cut -d' ' -f2 "$work/sqlite3" | median)

echo "== import of $rows applicants ($(du -m "$csv" | cut -f1) MB), median of $runs runs ($(nproc) cores, $(date -u +%F))"
printf '%-48s %8s s %10s KB\n' "kompeten-cli import applicants (new selection)" "$k" "$km"
printf '%-48s %8s s %10s KB\n' "kompeten-cli import applicants (again, no change)" "$r" "$rm_"
printf '%-48s %8s s %10s KB\n' "sqlite3 .import into a plain table" "$s" "$sm"
awk -v k="$k" -v s="$s" 'BEGIN { printf "ratio kompeten / sqlite3: %.2f\n", k / s }'
awk -v k="$r" -v s="$s" 'BEGIN { printf "ratio re-import / sqlite3: %.2f\n", k / s }'

echo "== peak memory by file size (one run each: import, then the same file again)"
for size in $sizes; do
  if [ "$size" = "$n" ]; then dir=$work/data; else
    python3 "$gen" --out "$work/size" --employees 30 --applicants "$size" --seed 2 > /dev/null
    dir=$work/size
  fi
  new_db "$work/m.db" "$dir"
  /usr/bin/time -f "%e %M" -o "$work/mem" "$cli" --db "$work/m.db" import applicants --selection 1 "$dir/pelamar.csv" > /dev/null 2>&1
  /usr/bin/time -f "%e %M" -o "$work/mem2" "$cli" --db "$work/m.db" import applicants --selection 1 "$dir/pelamar.csv" > /dev/null 2>&1
  printf '%8d applicants: %6s s, %8s KB max RSS; again %6s s, %8s KB\n' "$size" $(cat "$work/mem") $(cat "$work/mem2")
done
