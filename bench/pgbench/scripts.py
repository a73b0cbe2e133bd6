#!/usr/bin/env python3
"""Writes the pgbench scripts of bench/ceiling.sh from bench/sql/<route>.sql: the very
statements Cairn runs for a route (TaskStatementsTests checks those files against what
Cairn sends), with each JDBC parameter (?) replaced by a pgbench variable or an SQL
expression standing for the value Cairn binds.

usage: scripts.py OUT_DIR   (reads BENCH_* values from the environment, see ceiling.sh)
"""
import json
import os
import sys

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]
env = os.environ


def statements(route):
    with open(os.path.join(BENCH, "sql", route + ".sql"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def bind(sql, values):
    """Replaces the ?s of one statement, in order; an IN (?...) takes a list."""
    out, i = [], 0
    parts = sql.split("?")
    for n, part in enumerate(parts[:-1]):
        out.append(part)
        value = values[i]
        i += 1
        if parts[n + 1].startswith("..."):
            out.append(", ".join(value))
            parts[n + 1] = parts[n + 1][3:]
        else:
            out.append(value)
    out.append(parts[-1])
    assert i == len(values), f"{len(values)} values for {i} parameters in: {sql[:80]}"
    return "".join(out)


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def literal(text):
    return "'" + text.replace("'", "''") + "'"


# list: the first page of 50 (limit + 1 read, as Cairn does), each task with its labels.
(page,) = statements("list")
write("list.sql", [bind(page, [":project", "51"]) + ";"])

# get: one task by id; 16 scripts, one id each, picked at random per transaction.
(get,) = statements("get")
for i in range(16):
    write(f"get{i}.sql", [bind(get, [f":g{i}"]) + ";"])

# create: Cairn's transaction, the ids made by the server instead of the application.
number, insert, event, outbox = statements("create")
snapshot = json.dumps({"after": {"title": "pgbench ceiling", "statusId": env["BENCH_STATUS_ID"],
                                 "priority": "none", "description": None}})
serialized = json.dumps({"eventId": "00000000-0000-7000-8000-000000000000", "type": "task.created",
                         "projectId": env["BENCH_PROJECT_ID"], "taskId": "00000000-0000-7000-8000-000000000000",
                         "actorId": env["BENCH_OWNER_ID"]})
write("create.sql", [
    "BEGIN;",
    bind(number, [":project"]) + " \\gset",
    # Typed, as the driver binds them: pgbench sends its variables untyped.
    bind(insert, ["gen_random_uuid()", "CAST(:project AS uuid)", "CAST(:last_task_number AS integer)",
                  literal("pgbench ceiling"), "NULL", "CAST(:status AS uuid)", "0", "NULL", "CAST(:owner AS uuid)",
                  "NULL", "NULL", "NULL", "NULL", "65536", literal("{}"), "false", ":project", ":status",
                  "CAST(:key AS text)"]) + " \\gset",
    bind(event, ["gen_random_uuid()", literal("task.created"), ":project", ":id", ":owner",
                 literal(snapshot)]) + ";",
    bind(outbox, ["gen_random_uuid()", literal("dev.cairn.activity.ActivityRecorded"),
                  literal("pgbench.ceiling"), "now()", literal(serialized), literal("PUBLISHED"), "0",
                  "NULL"]) + ";",
    "COMMIT;",
])
