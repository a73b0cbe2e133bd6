#!/usr/bin/env bash
# Drops the benchmark databases made by bench/generate.sh and removes bench/.work.
#
#   bash bench/drop.sh            all sizes
#   bash bench/drop.sh 1m         one
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then SIZES=(10k 100k 1m); fi
for size in "${SIZES[@]}"; do
	size="$(size_name "$size")"
	tasks_for "$size" >/dev/null
	psql -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS cairn_bench_$size"
	rm -rf "$BENCH_DIR/.work/$size"
	echo "bench: dropped cairn_bench_$size"
done
rmdir "$BENCH_DIR/.work" 2>/dev/null || true
