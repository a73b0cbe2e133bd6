#!/usr/bin/env bash
# Cairn against its physical ceiling, in one run:
#
#   bash bench/ceiling.sh 100k                 list get create
#   bash bench/ceiling.sh 100k list get        some of them
#
# For each route, pgbench runs the very statements Cairn runs for it (bench/sql/, checked
# against Cairn by TaskStatementsTests; turned into pgbench scripts by
# bench/pgbench/scripts.py), then wrk runs the route against Cairn, with the same
# connections, threads and durations (BENCH_CONNECTIONS, BENCH_THREADS, BENCH_WARMUP,
# BENCH_DURATION, as bench/run.sh). The two JVMs (Cairn, the bare loop) warm up for
# BENCH_JVM_WARMUP instead (default 60s): on two cores the JIT compilers take about a
# minute to reach a steady rate (a task read: 4,430, then 5,068, then 5,033 req/s in
# three 20 s windows after a 20 s warm-up). For the list it also runs a bare JDBC + Jackson loop
# doing the same work without HTTP or Spring (bench/jdbc/BareList.java). For the task read
# it also measures two floors of the stack (bench/floor/HttpFloor.java): a Spring MVC route
# answering from memory, and a straightforward Spring MVC + JdbcClient read of the same
# statement without authentication, to show how much of the gap to pgbench is the
# stack's and how much is Cairn's. It prints, and
# writes to bench/results/ceiling-<size>-<time>/summary.md, each rate and Cairn's ratio
# to it. The create route adds tasks (pgbench's are deleted afterwards, Cairn's stay).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE="$(size_name "${1:?usage: bench/ceiling.sh 10k|100k|1m [list|get|create ...]}")"
shift
tasks_for "$SIZE" >/dev/null
ROUTES=("$@")
if [ ${#ROUTES[@]} -eq 0 ]; then ROUTES=(list get create); fi
run_settings "$SIZE"
JVM_WARMUP="${BENCH_JVM_WARMUP:-60s}"
need wrk "apt-get install wrk"
need pgbench "PostgreSQL's pgbench (Debian: postgresql-contrib or the server package)"
need psql "the PostgreSQL client"
need python3 "python3"
if [ ! -f "$WORK/token" ] || ! psql -Atq -d "$DB" -c "SELECT 1" >/dev/null 2>&1; then
	echo "bench: no data for $SIZE; run bash bench/generate.sh $SIZE first" >&2
	exit 2
fi

OUT="$BENCH_DIR/results/ceiling-$SIZE-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT/pgbench"
q() { psql -Atq -d "$DB" -c "$1"; }
export BENCH_PROJECT_ID="$(cat "$WORK/project-id")"
export BENCH_OWNER_ID="$(q "SELECT id FROM users WHERE email = '$BENCH_EMAIL'")"
export BENCH_STATUS_ID="$(q "SELECT id FROM statuses WHERE project_id = '$BENCH_PROJECT_ID' ORDER BY position, id LIMIT 1")"
python3 "$BENCH_DIR/pgbench/scripts.py" "$OUT/pgbench"
defines=(-D "project=$BENCH_PROJECT_ID" -D "owner=$BENCH_OWNER_ID" -D "status=$BENCH_STATUS_ID")
i=0
for id in $(shuf -n 16 "$WORK/task-ids.txt"); do defines+=(-D "g$i=$id"); i=$((i + 1)); done
scripts_for() {
	case "$1" in
	list) echo "-f $OUT/pgbench/list.sql" ;;
	get) for n in $(seq 0 15); do echo -n "-f $OUT/pgbench/get$n.sql "; done ;;
	create) echo "-f $OUT/pgbench/create.sql" ;;
	esac
}

{
	echo "size: $SIZE ($DB), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
	echo "postgres: $(q 'SHOW server_version')"
	echo "pgbench and wrk: $CONNECTIONS connections, $THREADS threads, $DURATION after $WARMUP warm-up ($JVM_WARMUP for the JVMs)"
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/environment.txt"

declare -A ceiling cairn
for r in "${ROUTES[@]}"; do
	echo "bench: pgbench $r"
	# shellcheck disable=SC2046
	pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$(seconds "$WARMUP")" "${defines[@]}" \
		$(scripts_for "$r") "$DB" >/dev/null 2>&1
	# shellcheck disable=SC2046
	pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$(seconds "$DURATION")" "${defines[@]}" \
		$(scripts_for "$r") "$DB" >"$OUT/pgbench-$r.txt" 2>&1
	ceiling[$r]="$(awk '/^tps = / {print $3}' "$OUT/pgbench-$r.txt" | tail -n 1)"
	echo "bench: pgbench $r: ${ceiling[$r]} tps"
done
q "DELETE FROM event_publication WHERE listener_id = 'pgbench.ceiling';
	DELETE FROM events WHERE task_id IN (SELECT id FROM tasks WHERE title = 'pgbench ceiling');
	DELETE FROM tasks WHERE title = 'pgbench ceiling';" >/dev/null

has() { printf '%s\n' "${ROUTES[@]}" | grep -qx "$1"; }
"$ROOT/cairn" --help >/dev/null # builds the jar, and so the classpath, when stale
java="$("$ROOT/cairn" jdk)/bin/java"
floor_cp="$(floor_classpath "$OUT")"

bare=""
if has list; then
	echo "bench: bare JDBC + Jackson list loop"
	BENCH_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" BENCH_PAGE_SQL="$(sed -n 1p "$BENCH_DIR/sql/list.sql")" \
		BENCH_THREADS_N="$CONNECTIONS" \
		BENCH_SECONDS="$(seconds "$DURATION")" BENCH_WARMUP_SECONDS="$(seconds "$JVM_WARMUP")" \
		"$java" -cp "$(cat "$OUT/classpath.txt")" "$BENCH_DIR/jdbc/BareList.java" | tee "$OUT/bare-list.txt"
	bare="$(awk '/^rps / {print $2}' "$OUT/bare-list.txt")"
fi

# The floors of the stack under the task read: Spring MVC answering from memory, and a
# straightforward Spring MVC + JdbcClient read of the same statement, without
# authentication or anything else of Cairn's (bench/floor/HttpFloor.java).
declare -A floor
if has get; then
	BENCH_GET_SQL="$BENCH_DIR/sql/get.sql" "$java" $(java_opts) -cp "$floor_cp" HttpFloor \
		--server.port="$PORT" --server.address=127.0.0.1 --spring.threads.virtual.enabled=true \
		--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
		--spring.datasource.password="${PGPASSWORD:-}" >"$OUT/floor.log" 2>&1 &
	floor_pid=$!
	until curl -sf -o /dev/null "$BASE/floor/db/$(head -n 1 "$WORK/task-ids.txt")"; do
		kill -0 "$floor_pid" 2>/dev/null || { tail -n 30 "$OUT/floor.log" >&2; exit 1; }
		sleep 0.1
	done
	export BENCH_TOKEN="$(cat "$WORK/token")" BENCH_TASK_IDS="$WORK/task-ids.txt" BENCH_WRK_DIR="$BENCH_DIR/wrk"
	declare -A prefix=([floor]=/floor/ [floordb]=/floor/db/)
	for f in floor floordb; do
		echo "bench: floor $f"
		export BENCH_GET_PREFIX="${prefix[$f]}"
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" -s "$BENCH_DIR/wrk/get.lua" "$BASE" >/dev/null 2>&1
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/get.lua" "$BASE" >"$OUT/$f.txt" 2>&1
		floor[$f]="$(awk '$1 == "rps" {print $2}' "$OUT/$f.txt")"
	done
	unset BENCH_GET_PREFIX
	kill "$floor_pid"
	wait "$floor_pid" 2>/dev/null || true
fi

trap stop_server EXIT
start_server "$DB" "$(cat "$WORK/encryption.key")" "$OUT/server.log"
export BENCH_TOKEN="$(cat "$WORK/token")" BENCH_TASK_IDS="$WORK/task-ids.txt" BENCH_WRK_DIR="$BENCH_DIR/wrk"
for r in "${ROUTES[@]}"; do
	echo "bench: Cairn $r"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" -s "$BENCH_DIR/wrk/$r.lua" "$BASE" >/dev/null 2>&1
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/$r.lua" "$BASE" >"$OUT/cairn-$r.txt" 2>&1
	cairn[$r]="$(awk '$1 == "rps" {print $2}' "$OUT/cairn-$r.txt")"
	non2xx="$(awk '$1 == "status" && ($2 < 200 || $2 >= 300) {n += $3} END {print n + 0}' "$OUT/cairn-$r.txt")"
	[ "$non2xx" = 0 ] || echo "bench: warning: $non2xx non-2xx responses for $r (see $OUT/cairn-$r.txt)" >&2
done
stop_server

summary="$OUT/summary.md"
{
	echo "| route | pgbench (its SQL) tps | Cairn req/s | Cairn / pgbench | bare JDBC + Jackson /s | Cairn / bare |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: |"
	for r in "${ROUTES[@]}"; do
		ratio="$(awk -v a="${cairn[$r]}" -v b="${ceiling[$r]}" 'BEGIN {printf "%.2f", a / b}')"
		if [ "$r" = list ] && [ -n "$bare" ]; then
			echo "| $r | ${ceiling[$r]} | ${cairn[$r]} | $ratio | $bare | $(awk -v a="${cairn[$r]}" -v b="$bare" 'BEGIN {printf "%.2f", a / b}') |"
		else
			echo "| $r | ${ceiling[$r]} | ${cairn[$r]} | $ratio | | |"
		fi
	done
	if has get; then
		echo
		echo "| the task read's floors | req/s | Cairn's get / it | pgbench / it |"
		echo "| --- | ---: | ---: | ---: |"
		for f in floor floordb; do
			name="Spring MVC, one route, from memory"
			[ "$f" = floordb ] && name="Spring MVC + JdbcClient, the same SQL, no auth"
			echo "| $name | ${floor[$f]} | $(awk -v a="${cairn[get]}" -v b="${floor[$f]}" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="${ceiling[get]}" -v b="${floor[$f]}" 'BEGIN {printf "%.2f", a / b}') |"
		done
	fi
} >"$summary"
echo "bench: results in ${OUT#"$ROOT/"}"
cat "$summary"
