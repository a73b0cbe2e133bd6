#!/usr/bin/env bash
# What authentication costs, in one run: the same route without credentials, with a
# signed-in session's access token (an ES256 JWT) and with a personal access token.
#
#   bash bench/auth.sh 100k
#
# The route is GET /.well-known/jwks.json, public and cheap, so that the credential's
# share of the work shows as much as it can; then a task read with each credential. wrk
# settings as bench/run.sh (BENCH_CONNECTIONS, BENCH_THREADS, BENCH_WARMUP,
# BENCH_DURATION). The JVM first warms up on all three for BENCH_JVM_WARMUP (default
# 60s; see bench/ceiling.sh), and the route without credentials is measured before and
# after the two with, the ratios taken against the mean of both, so that neither side
# gains from the JIT's progress. Writes bench/results/auth-<size>-<time>/summary.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE="$(size_name "${1:?usage: bench/auth.sh 10k|100k|1m}")"
tasks_for "$SIZE" >/dev/null
run_settings "$SIZE"
JVM_WARMUP="${BENCH_JVM_WARMUP:-60s}"
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
	echo "| route | credential | req/s | p50 ms | p99 ms | non-2xx | / without (mean of before and after) |"
	echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$summary"
# wrk's rate for route $1 with authorization header $2, for $3 (a wrk duration), into $4.
run_wrk() {
	export BENCH_PATH="$1" BENCH_AUTHORIZATION="$2"
	if [ -n "${4:-}" ]; then
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -s "$BENCH_DIR/wrk/route.lua" "$BASE" >"$4" 2>&1
	else
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" -s "$BENCH_DIR/wrk/route.lua" "$BASE" >/dev/null 2>&1
	fi
}
warm_each="$(($(seconds "$JVM_WARMUP") / 3))s"
for authorization in "" "Bearer $jwt" "Bearer $BENCH_TOKEN"; do
	run_wrk /.well-known/jwks.json "$authorization" "$warm_each"
done

declare -A rate
measure() { # route-path credential-name authorization-header [file-suffix]
	local f="$OUT/$2-${1//\//_}${4:-}.txt"
	run_wrk "$1" "$3" "$WARMUP"
	run_wrk "$1" "$3" "$DURATION" "$f"
	rate[$2${4:-}]="$(awk '$1 == "rps" {print $2}' "$f")"
	row "$1" "$2" "$f" ""
}
row() { # route credential file ratio
	echo "| \`$1\` | $2 | $(awk '$1 == "rps" {print $2}' "$3") | $(awk '$1 == "p50_ms" {print $2}' "$3") |" \
		"$(awk '$1 == "p99_ms" {print $2}' "$3") | $(awk '$1 == "status" && ($2 < 200 || $2 >= 300) {n += $3} END {print n + 0}' "$3") | $4 |"
}
measure /.well-known/jwks.json none ""
measure /.well-known/jwks.json jwt "Bearer $jwt"
measure /.well-known/jwks.json personal-token "Bearer $BENCH_TOKEN"
measure /.well-known/jwks.json none "" -again
base="$(awk -v a="${rate[none]}" -v b="${rate[none-again]}" 'BEGIN {print (a + b) / 2}')"
ratio() { awk -v a="$1" -v b="$base" 'BEGIN {printf "%.2f", a / b}'; }
{
	row /.well-known/jwks.json "none (before)" "$OUT/none-_.well-known_jwks.json.txt" "$(ratio "${rate[none]}")"
	row /.well-known/jwks.json jwt "$OUT/jwt-_.well-known_jwks.json.txt" "**$(ratio "${rate[jwt]}")**"
	row /.well-known/jwks.json personal-token "$OUT/personal-token-_.well-known_jwks.json.txt" \
		"**$(ratio "${rate[personal-token]}")**"
	row /.well-known/jwks.json "none (after)" "$OUT/none-_.well-known_jwks.json-again.txt" "$(ratio "${rate[none-again]}")"
} >>"$summary"
measure "/api/v1/tasks/$task" jwt "Bearer $jwt" >/dev/null
measure "/api/v1/tasks/$task" personal-token "Bearer $BENCH_TOKEN" >/dev/null
row "/api/v1/tasks/$task" jwt "$OUT/jwt-_api_v1_tasks_$task.txt" "" >>"$summary"
row "/api/v1/tasks/$task" personal-token "$OUT/personal-token-_api_v1_tasks_$task.txt" "" >>"$summary"
stop_server
echo "bench: results in ${OUT#"$ROOT/"}"
cat "$summary"
