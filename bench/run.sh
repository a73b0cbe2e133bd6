#!/usr/bin/env bash
# Runs the wrk scenarios against a database made by bench/generate.sh:
#
#   bash bench/run.sh 100k                       every scenario: list get search patch create
#   bash bench/run.sh 1m list                    some of them
#   bash bench/run.sh 1m list deep               the first page and one 100,000 rows in
#
# Starts Cairn on cairn_bench_<size> (loopback, BENCH_PORT), warms each scenario up
# (BENCH_WARMUP, default 10s, not counted), measures it (BENCH_DURATION, default 30s) with
# BENCH_CONNECTIONS (16) connections on BENCH_THREADS (2) wrk threads, stops Cairn, and
# writes wrk's output and a summary table to bench/results/<size>-<time>/.
# BENCH_JAVA_OPTS replace the JVM options when set (by default, those `./cairn` uses:
# `./cairn java-opts`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE="$(size_name "${1:?usage: bench/run.sh 10k|100k|1m [list|get|search|patch|create ...]}")"
shift
tasks_for "$SIZE" >/dev/null
SCENARIOS=("$@")
if [ ${#SCENARIOS[@]} -eq 0 ]; then SCENARIOS=(list get search patch create); fi
run_settings "$SIZE"

if ! command -v wrk >/dev/null 2>&1; then
	echo "bench: wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk;" \
		"on macOS: brew install wrk; or build it from https://github.com/wg/wrk" >&2
	exit 2
fi
need curl "curl"
need psql "the PostgreSQL client"
need jq "jq"
for s in "${SCENARIOS[@]}"; do
	[ -f "$BENCH_DIR/wrk/$s.lua" ] || { echo "bench: no scenario $s (bench/wrk/*.lua)" >&2; exit 2; }
done
if [ ! -f "$WORK/token" ] || ! psql -Atq -d "$DB" -c "SELECT 1" >/dev/null 2>&1; then
	echo "bench: no data for $SIZE; run bash bench/generate.sh $SIZE first" >&2
	exit 2
fi

OUT="$BENCH_DIR/results/$SIZE-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap stop_server EXIT
start_server "$DB" "$(cat "$WORK/encryption.key")" "$OUT/server.log"

export BENCH_TOKEN="$(cat "$WORK/token")" BENCH_PROJECT_ID="$(cat "$WORK/project-id")"
export BENCH_TASK_IDS="$WORK/task-ids.txt" BENCH_WRK_DIR="$BENCH_DIR/wrk"
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" \
	"$BASE/api/v1/projects/$BENCH_PROJECT_ID/tasks?limit=1")"
[ "$code" = 200 ] || { echo "bench: the token does not work (HTTP $code); see $OUT/server.log" >&2; exit 1; }

# deep: the page that starts BENCH_DEEP_ROWS rows into the BENCH project's list (default
# 100,000, or 50 before the end of a smaller list), reached by paging there 200 at a time.
if printf '%s\n' "${SCENARIOS[@]}" | grep -qx deep; then
	total="$(psql -Atq -d "$DB" -c "SELECT count(*) FROM tasks WHERE project_id = '$BENCH_PROJECT_ID' AND deleted_at IS NULL")"
	rows="${BENCH_DEEP_ROWS:-100000}"
	if [ "$rows" -gt $((total - 50)) ]; then rows=$((total - 50)); fi
	cursor=""
	for _ in $(seq 1 $((rows / 200))); do
		cursor="$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" \
			"$BASE/api/v1/projects/$BENCH_PROJECT_ID/tasks?limit=200${cursor:+&cursor=$cursor}" | jq -r .nextCursor)"
	done
	export BENCH_DEEP_CURSOR="$cursor"
	echo "bench: deep: the page $rows rows into $total"
fi

java="$("$ROOT/cairn" jdk)/bin/java"
{
	echo "size: $SIZE ($DB), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
	echo "java: $("$java" -version 2>&1 | head -n 1) $(java_opts)"
	echo "postgres: $(psql -Atq -d "$DB" -c 'SHOW server_version')"
	echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION (after -d$WARMUP warm-up), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/environment.txt"

# Samples pg_stat_activity for the bench database once a second until killed: lock
# waits (row locks, pool-sized queues) show up here, not in wrk's numbers.
sample_waits() {
	while sleep 1; do
		psql -Atq -d "$DB" -F ' ' -c "SELECT state, coalesce(wait_event_type || ':' || wait_event, '-')
			FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" >>"$1" 2>/dev/null || true
	done
}

summary="$OUT/summary.md"
{
	echo "| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | RSS MB before, after | role cache hits % | load avg after |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$summary"
for s in "${SCENARIOS[@]}"; do
	echo "bench: $s: warm-up $WARMUP"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/wrk/$s.lua" "$BASE" >"$OUT/$s.warmup.txt" 2>&1
	echo "bench: $s: measuring $DURATION"
	rss_before="$(server_rss_mb)"
	sample_waits "$OUT/$s.waits.raw" &
	sampler=$!
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/$s.lua" "$BASE" >"$OUT/$s.txt" 2>&1
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	{
		echo "# What the server's database sessions were doing, sampled once a second during the run"
		echo "# (count, state, wait event; an empty wait event while active means on CPU)."
		sort "$OUT/$s.waits.raw" | uniq -c | sort -rn
	} >"$OUT/$s.waits.txt"
	rm -f "$OUT/$s.waits.raw"
	field() { awk -v k="$1" '$1 == k {print $2}' "$OUT/$s.txt"; }
	non2xx="$(awk '$1 == "status" && ($2 < 200 || $2 >= 300) {n += $3} END {print n + 0}' "$OUT/$s.txt")"
	echo "| $s | $(field rps) | $(field p50_ms) | $(field p90_ms) | $(field p99_ms) | $(field max_ms) |" \
		"$(field requests) | $non2xx | $rss_before, $(server_rss_mb) | $(cache_hit_ratio project-roles) |" \
		"$(cut -d' ' -f1-3 /proc/loadavg) |" >>"$summary"
	tail -n 1 "$summary"
done
# wrk closes its connections when a run ends, with requests in flight; the server logs
# each of those as an error. They are counted apart from any other error.
awk '/ ERROR / {n++; getline; getline; if ($0 ~ /Broken pipe|Connection reset|ClientAbort|NotUsable/) a++}
	/ WARN / {w++}
	END {printf "bench: server log: %d ERROR events (%d of them client disconnects at the end of a run), %d WARN\n", n, a, w}' \
	"$OUT/server.log" | tee -a "$OUT/environment.txt"
echo "bench: results in ${OUT#"$ROOT/"}"
cat "$summary"
