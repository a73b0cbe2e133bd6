#!/usr/bin/env bash
# Creates the benchmark database cairn_bench_<size> (dropping it first) on the external
# PostgreSQL of bench/lib.sh and fills it:
#
#   bash bench/generate.sh 10k|100k|1m
#
# 1. starts Cairn on the empty database (Flyway migrates it), registers the bench owner
#    through the API and makes a personal access token (scopes read, write), stops Cairn;
# 2. loads users, projects, members, statuses, labels, tasks, task labels and comments
#    with COPY ... FROM STDIN in one transaction (rows from bench/gen.py), the secondary
#    indexes of the big tables dropped during the load and rebuilt after it;
# 3. VACUUM ANALYZE, then writes what bench/run.sh needs to bench/.work/<size>/.
#
# bench/drop.sh removes the databases and bench/.work again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE="$(size_name "${1:?usage: bench/generate.sh 10k|100k|1m}")"
TASKS="$(tasks_for "$SIZE")"
DB="cairn_bench_$SIZE"
WORK="$BENCH_DIR/.work/$SIZE"
need psql "the PostgreSQL client, e.g. apt-get install postgresql-client"
need python3 "Python 3, standard library only"
need curl "curl"
need jq "jq"
need openssl "openssl"
trap stop_server EXIT

started=$(date +%s)
echo "bench: $DB on $PGHOST:$PGPORT, $TASKS tasks"
rm -rf "$WORK"
mkdir -p "$WORK"
psql -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# With an external database the key must be given; it seals the JWT signing keys that the
# server keeps in this database, so run.sh starts the server with the same one.
openssl rand -base64 32 >"$WORK/encryption.key"
chmod 600 "$WORK/encryption.key"

echo "bench: migrating and registering $BENCH_EMAIL through the API"
start_server "$DB" "$(cat "$WORK/encryption.key")" "$WORK/server-setup.log"
post() {
	curl -sS -f -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}
post /api/v1/auth/register \
	"{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"displayName\":\"Bench Owner\"}" >/dev/null
access="$(post /api/v1/auth/login "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | jq -r .accessToken)"
# A personal access token outlives the 15-minute access tokens and needs no login (which
# is throttled).
post /api/v1/me/tokens '{"name":"bench","scopes":["read","write"]}' "$access" | jq -r .token >"$WORK/token"
chmod 600 "$WORK/token"
stop_server

owner="$(psql -At -d "$DB" -c "SELECT id FROM users WHERE email = '$BENCH_EMAIL'")"
export BENCH_PASSWORD_HASH="$(psql -At -d "$DB" -c "SELECT password_hash FROM users WHERE id = '$owner'")"

# Secondary indexes of the bulk-loaded tables are built once after the load rather than
# row by row during it (the GIN index on search_vector above all). Their definitions are
# read from the catalog, so the schema stays Flyway's. Primary keys and unique
# constraints stay, and so do foreign keys and checks: every row is checked on the way in.
psql -At -d "$DB" -v ON_ERROR_STOP=1 >"$WORK/indexes.sql" <<'SQL'
SELECT pg_get_indexdef(i.indexrelid) || ';'
FROM pg_index i
JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname IN ('tasks', 'task_labels', 'comments')
  AND t.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY 1;
SQL
drops="$(sed -E 's/^CREATE (UNIQUE )?INDEX ([a-z0-9_]+) ON .*/DROP INDEX \2;/' "$WORK/indexes.sql")"

echo "bench: loading with COPY"
load_started=$(date +%s)
{
	echo "SET maintenance_work_mem = '512MB';"
	echo "$drops"
	python3 "$BENCH_DIR/gen.py" --tasks "$TASKS" --owner "$owner"
	echo '\echo building indexes'
	cat "$WORK/indexes.sql"
} | psql -q -1 -v ON_ERROR_STOP=1 -d "$DB"
load_done=$(date +%s)
echo "bench: VACUUM ANALYZE"
psql -q -d "$DB" -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE"

# What run.sh needs: the big project, and a random sample of live tasks (of projects the
# bench owner belongs to: all of them) for get and patch.
psql -At -d "$DB" -c "SELECT id FROM projects WHERE key = 'BENCH'" >"$WORK/project-id"
psql -At -d "$DB" -c "SELECT id FROM tasks WHERE deleted_at IS NULL ORDER BY random() LIMIT 20000" \
	>"$WORK/task-ids.txt"
echo "bench: loaded in $((load_done - load_started)) s, $(($(date +%s) - started)) s in all"
psql -d "$DB" -c "
SELECT relname AS table, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY pg_total_relation_size(relid) DESC" \
	-c "SELECT pg_size_pretty(pg_database_size('$DB')) AS database_size"
