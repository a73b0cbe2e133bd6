#!/usr/bin/env bash
# Smoke test of what a newcomer does: start Cairn with the README command on an empty
# data dir, wait for health UP, check that a second Cairn on the same data dir is refused,
# stop it with SIGTERM while a request is in flight (the request is answered, the embedded
# PostgreSQL stops too), start it again, and run the commands. Prints the start-up times it measured.
set -euo pipefail
# Job control, so the server started in the background does not ignore SIGINT (Ctrl-C).
set -m
cd "$(dirname "$0")/.."

passed=0
failed=0
pass() { echo "smoke: ok   - $1"; passed=$((passed + 1)); }
fail() { echo "smoke: FAIL - $1"; failed=$((failed + 1)); }

DATA="$(mktemp -d /tmp/cairn-smoke.XXXXXX)"
chmod 755 "$DATA"
LOG="$DATA/server.log"
PORT=$((20000 + RANDOM % 20000))
SERVER_PID=""

cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" || true; fi
	rm -rf "$DATA"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Starts the server in the background and waits (at most 180 s) for health UP.
start_server() {
	CAIRN_DATA_DIR="$DATA" SERVER_PORT="$PORT" ./cairn >>"$LOG" 2>&1 &
	SERVER_PID=$!
	local start
	start=$(now_ms)
	for _ in $(seq 1 360); do
		if curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; then
			STARTED_IN_MS=$(($(now_ms) - start))
			return 0
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
		sleep 0.5
	done
	tail -n 40 "$LOG"
	return 1
}

stop_server() {
	kill -"${1:-TERM}" "$SERVER_PID"
	wait "$SERVER_PID" || true
	SERVER_PID=""
}

postgres_running() { pgrep -f -- "-D $DATA/postgres" >/dev/null; }

# 1. Without any JDK 21+, the launcher says so in one line.
TOOLS="$(mktemp -d)"
for tool in bash dirname readlink sed head find; do ln -s "$(command -v "$tool")" "$TOOLS/$tool"; done
if message="$(env -i HOME="$HOME" PATH="$TOOLS" CAIRN_JDK_SEARCH_PATH=/nonexistent "$TOOLS/bash" ./cairn --help 2>&1)"; then
	fail "the launcher should fail without a JDK 21+"
elif [ "$(echo "$message" | wc -l)" -eq 1 ] && echo "$message" | grep -q "needs a JDK 21 or newer"; then
	pass "without a JDK 21+ the launcher fails with one clear line"
else
	fail "unexpected launcher message: $message"
fi
rm -rf "$TOOLS"

# 2. First start on an empty data dir.
./cairn --help >/dev/null # builds the jar if it is missing, outside the timing
if start_server; then
	FIRST_MS=$STARTED_IN_MS
	pass "first start: health UP after ${FIRST_MS} ms (embedded PostgreSQL created in $DATA)"
else
	fail "first start never reached health UP"
	echo "smoke: $passed passed, $failed failed"
	exit 1
fi
grep -q "Using the embedded PostgreSQL .* data in $DATA/postgres" "$LOG" &&
	pass "the log names the database and where its data lives" || fail "the log does not name the database"

# 3. A second Cairn on the same data dir stops with a clear message.
if second="$(CAIRN_DATA_DIR="$DATA" SERVER_PORT=$((PORT + 1)) timeout 120 ./cairn 2>&1)"; then
	fail "a second Cairn on the same data dir started"
elif echo "$second" | grep -q "Another Cairn is already running on the data dir"; then
	pass "a second Cairn on the same data dir is refused clearly"
else
	fail "a second Cairn failed without the expected message"
fi

# 4. SIGTERM with a request in flight: readiness goes down and new connections are
# refused at once, the request in flight is answered, scheduled work stops, and the
# process exits within the shutdown phase's bound. The request is a registration whose
# body curl sends at 2 KB/s (about 4 s), so it is still being read when SIGTERM arrives.
BODY="$DATA/slow-body.json"
{
	printf '{"email":"in-flight@example.com","password":"granite harbor ledger 71","displayName":"In flight"'
	head -c 8000 /dev/zero | tr '\0' ' '
	printf '}'
} >"$BODY"
curl -sS -o /dev/null -w '%{http_code}' --limit-rate 2K -H 'Content-Type: application/json' \
	--data-binary "@$BODY" "http://127.0.0.1:$PORT/api/v1/auth/register" >"$DATA/in-flight.status" 2>&1 &
IN_FLIGHT_PID=$!
sleep 1
term_at=$(now_ms)
kill -TERM "$SERVER_PID"
sleep 0.5
if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; then
	fail "readiness still answers 200 after SIGTERM"
else
	pass "after SIGTERM readiness is down and new connections are refused"
fi
wait "$IN_FLIGHT_PID" || true
answered_ms=$(($(now_ms) - term_at))
wait "$SERVER_PID" || true
exited_ms=$(($(now_ms) - term_at))
SERVER_PID=""
in_flight="$(cat "$DATA/in-flight.status")"
[ "$in_flight" = 201 ] &&
	pass "the request in flight at SIGTERM was answered 201, ${answered_ms} ms after SIGTERM" ||
	fail "the request in flight at SIGTERM got '$in_flight'"
# 20 s for the requests in flight (spring.lifecycle.timeout-per-shutdown-phase), 15 s for
# running jobs (cairn.jobs.shutdown-max-wait), a few for PostgreSQL: 40 s at most.
if [ "$exited_ms" -lt 40000 ]; then
	pass "the process exited ${exited_ms} ms after SIGTERM (at most 40 s)"
else
	fail "the process exited ${exited_ms} ms after SIGTERM (more than 40 s)"
fi
grep -q "Graceful shutdown complete" "$LOG" && grep -q "Scheduler stopped\." "$LOG" &&
	pass "the log shows the graceful shutdown and the scheduler stopping" ||
	fail "the log lacks 'Graceful shutdown complete' or 'Scheduler stopped'"
sleep 1
postgres_running && fail "PostgreSQL still runs after Cairn stopped" || pass "SIGTERM stops the embedded PostgreSQL too"

# 5. Restart on the same data dir.
if start_server; then
	RESTART_MS=$STARTED_IN_MS
	pass "restart: health UP after ${RESTART_MS} ms"
	stop_server INT # what Ctrl-C sends
	sleep 1
	postgres_running && fail "PostgreSQL still runs after Ctrl-C" || pass "Ctrl-C (SIGINT) stops the embedded PostgreSQL too"
else
	fail "restart never reached health UP"
fi

# 6. Commands of the jar.
out="$(CAIRN_DATA_DIR="$DATA" ./cairn seed-demo 2>&1)"
echo "$out" | grep -q "Loaded 3 projects, 3000 tasks" && pass "seed-demo loads the demo" || fail "seed-demo: $out"
out="$(CAIRN_DATA_DIR="$DATA" ./cairn seed-demo 2>&1)"
echo "$out" | grep -q "nothing changed" && pass "seed-demo a second time changes nothing" || fail "seed-demo again: $out"
out="$(CAIRN_DATA_DIR="$DATA" ./cairn rollback --to 0 2>&1)"
echo "$out" | grep -q "Rolled back version 1" && pass "rollback --to 0 undoes every migration" || fail "rollback: $out"
out="$(CAIRN_DATA_DIR="$DATA" ./cairn migrate 2>&1)"
echo "$out" | grep -qE "Applied [0-9]+ migration\(s\)" && pass "migrate applies them again" || fail "migrate: $out"
postgres_running && fail "a command left PostgreSQL running" || pass "commands stop the embedded PostgreSQL when done"

echo "smoke: start-up to health UP with the embedded database: first ${FIRST_MS:-?} ms, restart ${RESTART_MS:-?} ms"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
