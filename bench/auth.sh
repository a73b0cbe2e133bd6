#!/usr/bin/env bash
# What authentication costs, in one run: the same route without credentials, with a
# signed-in session's access token (an ES256 JWT) and with a personal access token.
#
#   bash bench/auth.sh 100k
#
# The route is GET /.well-known/jwks.json, public and cheap, so that the credential's
# share of the work shows as much as it can; then a task read with each credential. wrk
# settings as bench/run.sh (BENCH_CONNECTIONS, BENCH_THREADS, BENCH_WARMUP,
# BENCH_DURATION). Writes bench/results/auth-<size>-<time>/summary.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE="$(size_name "${1:?usage: bench/auth.sh 10k|100k|1m}")"
tasks_for "$SIZE" >/dev/null
run_settings "$SIZE"
need wrk "apt-get install wrk"
need jq "jq"
[ -f "$WORK/token" ] || { echo "bench: no data for $SIZE; run bash bench/generate.sh $SIZE first" >&2; exit 2; }

OUT="$BENCH_DIR/results/auth-$SIZE-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap stop_server EXIT
start_server "$DB" "$(cat "$WORK/encryption.key")" "$OUT/server.log"
jwt="$(curl -sf -H 'Content-Type: application/json' \
	-d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" "$BASE/api/v1/auth/login" | jq -r .accessToken)"
[ -n "$jwt" ] && [ "$jwt" != null ] || { echo "bench: could not sign in as $BENCH_EMAIL" >&2; exit 1; }
export BENCH_TOKEN="$(cat "$WORK/token")" BENCH_WRK_DIR="$BENCH_DIR/wrk"
task="$(head -n 1 "$WORK/task-ids.txt")"

summary="$OUT/summary.md"
{
	echo "| route | credential | req/s | p50 ms | p99 ms | non-2xx | / without |"
	echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$summary"
base=""
measure() { # route-path credential-name authorization-header
	export BENCH_PATH="$1" BENCH_AUTHORIZATION="$3"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/wrk/route.lua" "$BASE" >/dev/null 2>&1
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/route.lua" "$BASE" >"$OUT/$2-${1//\//_}.txt" 2>&1
	local f="$OUT/$2-${1//\//_}.txt" rps
	rps="$(awk '$1 == "rps" {print $2}' "$f")"
	if [ "$2" = none ]; then base="$rps"; fi
	local ratio=""
	if [ -n "$base" ] && [ "$1" = /.well-known/jwks.json ]; then
		ratio="$(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
	fi
	echo "| \`$1\` | $2 | $rps | $(awk '$1 == "p50_ms" {print $2}' "$f") | $(awk '$1 == "p99_ms" {print $2}' "$f") |" \
		"$(awk '$1 == "status" && ($2 < 200 || $2 >= 300) {n += $3} END {print n + 0}' "$f") | $ratio |" >>"$summary"
	tail -n 1 "$summary"
}
measure /.well-known/jwks.json none ""
measure /.well-known/jwks.json jwt "Bearer $jwt"
measure /.well-known/jwks.json personal-token "Bearer $BENCH_TOKEN"
measure "/api/v1/tasks/$task" jwt "Bearer $jwt"
measure "/api/v1/tasks/$task" personal-token "Bearer $BENCH_TOKEN"
stop_server
echo "bench: results in ${OUT#"$ROOT/"}"
cat "$summary"
