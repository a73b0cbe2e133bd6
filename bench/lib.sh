# Shared by bench/generate.sh and bench/run.sh (sourced, not run).
#
# The bench uses an external PostgreSQL (never the embedded one): BENCH_PGHOST,
# BENCH_PGPORT, BENCH_PGUSER, BENCH_PGPASSWORD (defaults 127.0.0.1, 5432, postgres, none).
# The server listens on BENCH_PORT (default 18080), loopback only.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
export PGHOST="${BENCH_PGHOST:-127.0.0.1}" PGPORT="${BENCH_PGPORT:-5432}" PGUSER="${BENCH_PGUSER:-postgres}"
if [ -n "${BENCH_PGPASSWORD:-}" ]; then export PGPASSWORD="$BENCH_PGPASSWORD"; fi
PORT="${BENCH_PORT:-18080}"
BASE="http://127.0.0.1:$PORT"
# The owner of the BENCH project; every generated user has the same password.
BENCH_EMAIL="bench-owner@example.com"
BENCH_PASSWORD="granite-harbor-71"
SERVER_PID=""

# 10k, 100k, 1m -> a task count; anything else stops the script.
tasks_for() {
	case "$1" in
	10k) echo 10000 ;;
	100k) echo 100000 ;;
	1m | 1M) echo 1000000 ;;
	*) echo "bench: unknown size '$1' (10k, 100k or 1m)" >&2; exit 2 ;;
	esac
}

size_name() { echo "$1" | tr 'M' 'm'; }

# The settings every measuring script shares, for data set $1: wrk's (and pgbench's)
# durations, connections and threads, the database and the work directory.
run_settings() {
	DURATION="${BENCH_DURATION:-30s}"
	WARMUP="${BENCH_WARMUP:-10s}"
	CONNECTIONS="${BENCH_CONNECTIONS:-16}"
	THREADS="${BENCH_THREADS:-2}"
	DB="cairn_bench_$1"
	WORK="$BENCH_DIR/.work/$1"
}

# A wrk-style duration (30s, 10m) in seconds.
seconds() { local d="$1"; case "$d" in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }

need() {
	command -v "$1" >/dev/null 2>&1 || { echo "bench: needs $1 ($2)" >&2; exit 2; }
}

# The JVM options of a bench server: BENCH_JAVA_OPTS when set (even empty), else what
# ./cairn starts the server with.
java_opts() {
	echo "${BENCH_JAVA_OPTS-$("$ROOT/cairn" java-opts)}"
}

# Starts the jar against database $1 with the key in $2, logging to $3; waits for health.
# Rate limits stay on, with budgets no bench run can spend: their cost is measured, their
# 429s are not. /actuator/metrics is exposed (to signed-in callers) for the cache figures.
start_server() {
	local db="$1" key="$2" log="$3" java
	"$ROOT/cairn" --help >/dev/null # builds the jar when it is missing or stale
	java="$("$ROOT/cairn" jdk)/bin/java"
	if curl -s -o /dev/null "$BASE/actuator/health"; then
		echo "bench: something already listens on port $PORT (set BENCH_PORT)" >&2
		exit 1
	fi
	CAIRN_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" CAIRN_DATABASE_USERNAME="$PGUSER" \
		CAIRN_DATABASE_PASSWORD="${PGPASSWORD:-}" CAIRN_ENCRYPTION_KEY="$key" SERVER_PORT="$PORT" \
		SERVER_ADDRESS=127.0.0.1 CAIRN_DATA_DIR="$(dirname "$log")/data" \
		CAIRN_RATE_LIMIT_AUTHENTICATED_CAPACITY=1000000000 CAIRN_RATE_LIMIT_ANONYMOUS_CAPACITY=1000000000 \
		CAIRN_RATE_LIMIT_SEARCH_CAPACITY=1000000000 MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics \
		"$java" $(java_opts) -jar "$ROOT/target/cairn.jar" >"$log" 2>&1 &
	SERVER_PID=$!
	local waited=0
	until curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "bench: the server stopped during start-up; the end of $log:" >&2
			tail -n 30 "$log" >&2
			SERVER_PID=""
			exit 1
		fi
		waited=$((waited + 1))
		if [ "$waited" -gt 1200 ]; then
			echo "bench: the server did not become healthy in 120 s; see $log" >&2
			exit 1
		fi
		sleep 0.1
	done
}

stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
		SERVER_PID=""
	fi
}

# The server's resident memory now, in MB.
server_rss_mb() {
	awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status"
}

# The hit ratio (%) of cache $1 since the server started, from /actuator/metrics.
cache_hit_ratio() {
	local hit miss
	hit="$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" \
		"$BASE/actuator/metrics/cache.gets?tag=cache:$1&tag=result:hit" | jq '.measurements[0].value')"
	miss="$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" \
		"$BASE/actuator/metrics/cache.gets?tag=cache:$1&tag=result:miss" | jq '.measurements[0].value')"
	awk -v h="${hit:-0}" -v m="${miss:-0}" 'BEGIN {if (h + m > 0) printf "%.2f", 100 * h / (h + m); else print "-"}'
}

# Builds bench/floor/HttpFloor.java into DIR/floor.jar and writes Cairn's class path to
# DIR/classpath.txt; prints the class path to run it with (jars only: a JDK AOT cache
# takes no directories).
floor_classpath() {
	local dir="$1" jdk
	jdk="$("$ROOT/cairn" jdk)"
	(cd "$ROOT" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" >/dev/null)
	"$jdk/bin/javac" -parameters -d "$dir/floor-classes" -cp "$(cat "$dir/classpath.txt")" "$BENCH_DIR/floor/HttpFloor.java"
	"$jdk/bin/jar" cf "$dir/floor.jar" -C "$dir/floor-classes" .
	echo "$dir/floor.jar:$(cat "$dir/classpath.txt")"
}
