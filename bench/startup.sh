#!/usr/bin/env bash
# Measures the time from `java -jar` to /actuator/health UP with the embedded database:
# once on an empty data dir (creates the database cluster and runs every migration) and
# then RUNS restarts on the same data dir.
#
#   bench/startup.sh [RUNS]          (default 3; builds the jar first with ./cairn if needed)
#   bench/startup.sh [RUNS] --aot    the same from the extracted jar with a JDK AOT cache
#                                    (JDK 25+), built first by a training run
#   bench/startup.sh [RUNS] --floor  the floor: bench/floor/HttpFloor.java, a Spring Boot
#                                    app with one route and no database, on Cairn's
#                                    classpath, from `java` to its first 200, without
#                                    and then with an AOT cache
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
AOT="${2:-}"

./cairn --help >/dev/null # finds a JDK 21+ and builds the jar when it is missing or stale
JAVA="$(./cairn jdk)/bin/java"

if [ "$AOT" = --floor ]; then
	FLOOR="$(mktemp -d /tmp/cairn-floor.XXXXXX)"
	trap 'rm -rf "$FLOOR"' EXIT
	source bench/lib.sh
	CP="$(floor_classpath "$FLOOR")"
	PORT=$((20000 + RANDOM % 20000))
	# shellcheck disable=SC2207 # the options are words
	OPTS=($(./cairn java-opts))
	floor() { # extra JVM options...; prints ms from java to the first 200
		local start pid
		start=$(date +%s%3N)
		"$JAVA" "${OPTS[@]}" "$@" -cp "$CP" HttpFloor --server.port="$PORT" --server.address=127.0.0.1 \
			--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration \
			>>"$FLOOR/floor.log" 2>&1 &
		pid=$!
		until curl -sf -o /dev/null "http://127.0.0.1:$PORT/floor/00000000-0000-7000-8000-000000000000"; do
			kill -0 "$pid" 2>/dev/null || { tail -n 30 "$FLOOR/floor.log"; exit 1; }
			sleep 0.05
		done
		echo $(($(date +%s%3N) - start))
		kill -TERM "$pid"
		wait "$pid" || true
	}
	for i in $(seq 1 "$RUNS"); do echo "startup: floor, no AOT cache, run $i: $(floor) ms"; done
	floor -XX:AOTCacheOutput="$FLOOR/floor.aot" >/dev/null
	for i in $(seq 1 "$RUNS"); do echo "startup: floor, AOT cache, run $i: $(floor -XX:AOTCache="$FLOOR/floor.aot") ms"; done
	echo "startup: $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), ${OPTS[*]}"
	exit 0
fi

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
