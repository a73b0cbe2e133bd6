#!/usr/bin/env bash
# Measures the time from `java -jar` to /actuator/health UP with the embedded database:
# once on an empty data dir (creates the database cluster and runs every migration) and
# then RUNS restarts on the same data dir.
#
#   bench/startup.sh [RUNS]          (default 3; builds the jar first with ./cairn if needed)
#   bench/startup.sh [RUNS] --aot    the same from the extracted jar with a JDK AOT cache
#                                    (JDK 25+), built first by a training run
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
AOT="${2:-}"

./cairn --help >/dev/null # finds a JDK 21+ and builds the jar when it is missing or stale
JAVA="$(./cairn jdk)/bin/java"

DATA="$(mktemp -d /tmp/cairn-bench.XXXXXX)"
chmod 755 "$DATA"
PORT=$((20000 + RANDOM % 20000))
PID=""; trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT

# shellcheck disable=SC2207 # the options are words
OPTS=($(./cairn java-opts))
JAR=("${OPTS[@]}" -jar target/cairn.jar)
if [ "$AOT" = --aot ]; then
	# docs/operations.md, Start-up time: extract, train, then start with the cache.
	"$JAVA" -Djarmode=tools -jar target/cairn.jar extract --destination "$DATA/app" >/dev/null
	mkdir -m 755 "$DATA/training"
	start=$(date +%s%3N)
	CAIRN_DATA_DIR="$DATA/training" SERVER_PORT="$PORT" "$JAVA" "${OPTS[@]}" -XX:AOTCacheOutput="$DATA/app/cairn.aot" \
		-Dspring.context.exit=onRefresh -jar "$DATA/app/cairn.jar" >"$DATA/training.log" 2>&1
	echo "startup: AOT cache built in $(($(date +%s%3N) - start)) ms ($(du -h "$DATA/app/cairn.aot" | cut -f1))"
	JAR=("${OPTS[@]}" -XX:AOTCache="$DATA/app/cairn.aot" -jar "$DATA/app/cairn.jar")
fi

measure() {
	local start end
	start=$(date +%s%3N)
	CAIRN_DATA_DIR="$DATA" SERVER_PORT="$PORT" "$JAVA" "${JAR[@]}" >>"$DATA/server.log" 2>&1 &
	PID=$!
	until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; do
		kill -0 "$PID" 2>/dev/null || { tail -n 30 "$DATA/server.log"; exit 1; }
		sleep 0.05
	done
	end=$(date +%s%3N)
	kill -TERM "$PID"
	wait "$PID" || true
	echo $((end - start))
}

echo "startup: first start (empty data dir): $(measure) ms"
for i in $(seq 1 "$RUNS"); do
	echo "startup: restart $i: $(measure) ms"
done
echo "startup: $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), ${OPTS[*]}${AOT:+, with an AOT cache}"
