#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window with 100,000 employees: time from start to the first drawn table (median of
# RUNS starts), and the time for a search, a unit/kind filter and a sort to finish and reach the
# screen (medians printed by the employee-view test's benchmark). Runs under Xvfb.
#
#   bench/window.sh            # 100,000 employees, 5 starts
#   N=50000 RUNS=9 bench/window.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
gen=${GEN_DATA:-$root/../shared/tools/gen_data.py}
n=${N:-100000}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$gen" --out "$work/data" --employees "$n" --applicants 40 --seed 1 > /dev/null
"$build/src/cli/kompeten-cli" --db "$work/big.db" import employees "$work/data/pegawai.csv" > /dev/null

export GSK_RENDERER=cairo GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export KOMPETEN_LOCALEDIR="$build/po" LC_ALL=C.UTF-8

echo "== start to first drawn table, $n employees, $runs starts ($(nproc) cores, $(date -u +%F))"
# KOMPETEN_PROFILE makes the window print the time from main() to its first frame of the
# register and to the moment it has settled; the run stops there.
cat > "$work/start.sh" <<SH
for _ in \$(seq $runs); do
  KOMPETEN_PROFILE=1 "$build/src/ui/kompeten" --db "$work/big.db" 2> "$work/log" &
  pid=\$!
  for _ in \$(seq 600); do grep -q settled "$work/log" && break; sleep 0.1; done
  kill \$pid; wait \$pid 2> /dev/null || true
  grep -E "first frame|settled" "$work/log"
done
SH
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$work/start.sh" | tee "$work/starts"
awk '/first frame/ { for (i = 1; i <= NF; i++) if ($i == "after") print $(i + 1) }' "$work/starts" \
  | sort -n | awk '{ a[NR] = $1 } END { printf "median first frame: %s s\n", a[int((NR + 1) / 2)] }'

echo "== search, filter and sort on $n rows (medians)"
KOMPETEN_BENCH_DB="$work/big.db" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  "$build/tests/ui/test-employee-view" -p /ui/employee-view/bench 2>&1 | grep -vE '^(ok|#|1\.\.)' || true
