#!/usr/bin/env python3
"""Writes a psql script that loads a benchmark data set with COPY ... FROM STDIN.

    python3 bench/gen.py --tasks 100000 --owner <uuid> --password-hash <hash> | psql -1 ...

The owner is a user registered through the API (so it can sign in); every other user
gets the same password hash, so any of them can sign in with the owner's password.

Shape, for N tasks:
  users     max(50, N/200) (plus the owner)
  projects  max(10, N/1000); project 0 (key BENCH, owned by the owner) holds 10% of the
            tasks, the others share the rest evenly; the owner is a member of all of them
  members   the owner plus 8 others per project (owner, admin, members, a viewer)
  statuses  the 5 default ones per project; labels: 6 per project
  tasks     per-project numbers 1..n in creation order over the last year, UUIDv7 ids
            from the creation time, sparse positions per status, priorities, assignees,
            due dates on a third, completed_at for completed/canceled statuses; titles and
            descriptions drawn from a Zipf-distributed vocabulary (see WORDS)
  labels    0-3 per task (about 1 on average); comments: 0-5 per task (about 1.5)

Only the standard library; deterministic for a given --seed.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile

# Ranked vocabulary: word i is picked with weight 1/(i+1) (Zipf), so the first words are
# in a large share of the tasks and the last ones in few. No English stop words (they
# would be dropped from the tsvector). bench/wrk/search.lua searches for words of every
# frequency band.
WORDS = """
error page user list project task search button login update server report data export
import filter sort label comment status board mobile email dashboard setting account
profile token api webhook backup release deploy cache index query timeout crash memory
upload download attachment image preview calendar reminder notification permission role
invite member admin owner viewer audit history activity event log metric chart graph
theme color font layout header footer sidebar menu dialog modal form field input select
checkbox date time zone locale translation language keyboard shortcut accessibility
screen reader contrast focus scroll drag drop column row table cell width height margin
padding border shadow icon avatar badge tooltip spinner progress loading empty state
retry queue worker job schedule cron trigger hook plugin integration slack github gitlab
jira import csv json xml yaml markdown editor toolbar link mention emoji reaction thread
reply quote code block syntax highlight diff merge conflict branch commit review approve
reject request response header cookie session refresh password reset verify confirm
signup onboarding tutorial help documentation guide faq support ticket customer invoice
billing payment plan subscription trial upgrade downgrade cancel refund discount coupon
price currency tax address phone country region city street postal map location route
distance speed latency throughput bandwidth connection socket proxy gateway balancer
cluster node replica shard partition migration schema column constraint foreign primary
unique sequence vacuum analyze planner statistics histogram bloom filter bitmap gin gist
btree hash heap tuple page buffer checkpoint wal archive restore snapshot volume disk
network firewall certificate tls encryption signature key rotation secret vault policy
compliance privacy consent retention deletion anonymize pseudonym gdpr hipaa soc audit
penguin glacier harbor lantern meadow compass willow granite copper falcon orchid
saffron tundra quartz nebula cobalt juniper marigold obsidian pelican sequoia tamarind
umber vermilion wisteria zephyr alder basalt cinder dune ember fjord gorse heather
""".split()
WORDS = list(dict.fromkeys(WORDS))  # a word listed twice would only skew its weight

VERBS = ["Fix", "Add", "Improve", "Remove", "Document", "Refactor", "Investigate", "Speed up", "Migrate", "Test",
         "Review", "Design", "Support", "Clean up", "Update"]

STATUSES = [("Backlog", "backlog"), ("Todo", "unstarted"), ("In Progress", "started"), ("Done", "completed"),
            ("Canceled", "canceled")]
LABELS = [("bug", "#dc2626"), ("feature", "#2563eb"), ("chore", "#6b7280"), ("docs", "#16a34a"),
          ("performance", "#d97706"), ("security", "#7c3aed")]

POSITION_GAP = 65536
MEMBERS_PER_PROJECT = 8
YEAR_MS = 365 * 24 * 3600 * 1000


def main():
    args = parse_args()
    rnd = random.Random(args.seed)
    now_ms = int(datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000)
    start_ms = now_ms - YEAR_MS
    out = sys.stdout
    n_tasks = args.tasks
    n_users = max(50, n_tasks // 200)
    n_projects = max(10, n_tasks // 1000)

    def uuid7(ms):
        r = rnd.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((r >> 62) << 64) | (0b10 << 62) | (r & ((1 << 62) - 1))
        h = "%032x" % value
        return "%s-%s-%s-%s-%s" % (h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])

    def ts(ms):
        return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).isoformat()

    # Users (the owner exists already).
    users = []
    copy_begin(out, "users", "id, email, password_hash, display_name, email_verified_at, created_at, updated_at")
    for i in range(n_users):
        ms = start_ms - rnd.randrange(YEAR_MS)
        uid = uuid7(ms)
        users.append(uid)
        row(out, uid, "bench-user-%d@example.com" % i, args.password_hash, "Bench User %d" % i, ts(ms), ts(ms),
            ts(ms))
    copy_end(out)
    copy_begin(out, "user_profiles", "user_id")
    for uid in users:
        row(out, uid)
    copy_end(out)

    # Projects, members, statuses, labels.
    big = n_tasks // 10
    sizes = [big] + [(n_tasks - big) // (n_projects - 1)] * (n_projects - 1)
    sizes[-1] += n_tasks - sum(sizes)
    projects = []  # (id, key, size, statuses [(id, category)], labels [id], members [user id])
    for p in range(n_projects):
        ms = start_ms - rnd.randrange(24 * 3600 * 1000)
        members = rnd.sample(users, MEMBERS_PER_PROJECT)
        projects.append({
            "id": uuid7(ms), "key": "BENCH" if p == 0 else "P%d" % p, "size": sizes[p], "ms": ms,
            "statuses": [(uuid7(ms), s) for s in STATUSES], "labels": [uuid7(ms) for _ in LABELS],
            "members": members, "created_by": args.owner if p == 0 else members[0],
        })
    copy_begin(out, "projects", "id, key, name, description, last_task_number, created_by, created_at, updated_at")
    for p in projects:
        row(out, p["id"], p["key"], "Bench project %s" % p["key"], None, p["size"], p["created_by"], ts(p["ms"]),
            ts(p["ms"]))
    copy_end(out)
    copy_begin(out, "project_members", "project_id, user_id, role")
    for i, p in enumerate(projects):
        roles = ["owner", "admin"] + ["member"] * (MEMBERS_PER_PROJECT - 3) + ["viewer"]
        if i == 0:
            row(out, p["id"], args.owner, "owner")
            roles[0] = "admin"
        else:
            row(out, p["id"], args.owner, "member")
        for uid, role in zip(p["members"], roles):
            row(out, p["id"], uid, role)
    copy_end(out)
    copy_begin(out, "statuses", "id, project_id, name, category, position")
    for p in projects:
        for pos, (sid, (name, category)) in enumerate(p["statuses"]):
            row(out, sid, p["id"], name, category, pos)
    copy_end(out)
    copy_begin(out, "labels", "id, project_id, name, color")
    for p in projects:
        for lid, (name, color) in zip(p["labels"], LABELS):
            row(out, lid, p["id"], name, color)
    copy_end(out)

    # Text pools: drawing every word anew for a million tasks would make the generator
    # the slowest part of the load; pools keep the word frequencies.
    cum = []
    total = 0.0
    for i in range(len(WORDS)):
        total += 1.0 / (i + 1)
        cum.append(total)

    def words(k):
        return rnd.choices(WORDS, cum_weights=cum, k=k)

    titles = []
    for _ in range(50000):
        w = words(rnd.randint(2, 6))
        titles.append("%s %s" % (rnd.choice(VERBS), " ".join(w)))
    descriptions = []
    for _ in range(20000):
        sentences = []
        for _ in range(rnd.randint(1, 5)):
            w = words(rnd.randint(5, 14))
            sentences.append(w[0].capitalize() + " " + " ".join(w[1:]) + ".")
        descriptions.append(" ".join(sentences))
    comment_pool = []
    for _ in range(20000):
        w = words(rnd.randint(3, 25))
        comment_pool.append(w[0].capitalize() + " " + " ".join(w[1:]) + ".")

    # Tasks; their labels and comments go to temporary files and follow in their own COPY.
    task_labels = tempfile.TemporaryFile("w+")
    comments = tempfile.TemporaryFile("w+")
    copy_begin(out, "tasks", "id, project_id, number, title, description, status_id, priority, assignee_id, "
               "reporter_id, due_date, position, completed_at, created_at, updated_at")
    label_counts = [0, 0, 1, 1, 1, 2, 2, 3, 0, 1]
    for p in projects:
        n = p["size"]
        people = [args.owner] + p["members"]
        contributors = people[:-1]  # the last member is the viewer
        positions = [0] * len(STATUSES)
        span = max(1, now_ms - p["ms"])
        # Creation times in increasing order, so numbers and ids grow together.
        times = sorted(p["ms"] + rnd.randrange(span) for _ in range(n))
        for number, ms in enumerate(times, start=1):
            tid = uuid7(ms)
            si = rnd.choices(range(5), weights=(20, 20, 15, 40, 5))[0]
            sid, (_, category) = p["statuses"][si]
            positions[si] += POSITION_GAP
            updated = ms + rnd.randrange(max(1, now_ms - ms))
            completed = ts(updated) if category in ("completed", "canceled") else None
            assignee = rnd.choice(contributors) if rnd.random() < 0.7 else None
            due = None
            if rnd.random() < 0.33:
                due = (datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).date()
                       + datetime.timedelta(days=rnd.randint(1, 90))).isoformat()
            row(out, tid, p["id"], number, rnd.choice(titles),
                rnd.choice(descriptions) if rnd.random() < 0.6 else None, sid, rnd.randint(0, 4), assignee,
                rnd.choice(contributors), due, positions[si], completed, ts(ms), ts(updated))
            for lid in rnd.sample(p["labels"], rnd.choice(label_counts)):
                row(task_labels, p["id"], tid, lid, ts(ms))
            for _ in range(rnd.choice((0, 0, 1, 1, 2, 2, 3, 5))):
                cms = ms + rnd.randrange(max(1, now_ms - ms))
                row(comments, uuid7(cms), tid, rnd.choice(contributors), rnd.choice(comment_pool), ts(cms),
                    ts(cms))
    copy_end(out)
    for name, columns, f in (("task_labels", "project_id, task_id, label_id, created_at", task_labels),
                             ("comments", "id, task_id, author_id, body, created_at, updated_at", comments)):
        copy_begin(out, name, columns)
        f.seek(0)
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            out.write(chunk)
        copy_end(out)
        f.close()


def escape(value):
    if value is None:
        return "\\N"
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def row(f, *values):
    f.write("\t".join(escape(v) for v in values))
    f.write("\n")


def copy_begin(f, table, columns):
    f.write("\\echo loading %s\n" % table)
    f.write("COPY %s (%s) FROM STDIN;\n" % (table, columns))


def copy_end(f):
    f.write("\\.\n")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, required=True)
    parser.add_argument("--owner", required=True, help="id of the API-registered owner")
    parser.add_argument("--password-hash", default=os.environ.get("BENCH_PASSWORD_HASH"),
                        help="hash given to every generated user (default: $BENCH_PASSWORD_HASH)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if args.tasks < 1000:
        parser.error("--tasks must be at least 1000")
    if not args.password_hash:
        parser.error("--password-hash or BENCH_PASSWORD_HASH is required")
    return args


if __name__ == "__main__":
    main()
