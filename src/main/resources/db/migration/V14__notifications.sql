-- What each user wants to hear about, by channel. No row means the defaults (every kind
-- on, by email and in the app; no daily digest), so most users never get one.
CREATE TABLE notification_preferences (
    user_id           uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email_assigned    boolean     NOT NULL DEFAULT true,
    email_commented   boolean     NOT NULL DEFAULT true,
    email_mentioned   boolean     NOT NULL DEFAULT true,
    email_due_soon    boolean     NOT NULL DEFAULT true,
    in_app_assigned   boolean     NOT NULL DEFAULT true,
    in_app_commented  boolean     NOT NULL DEFAULT true,
    in_app_mentioned  boolean     NOT NULL DEFAULT true,
    in_app_due_soon   boolean     NOT NULL DEFAULT true,
    daily_digest      boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- The digest job reads the few users who opted in, not the whole table.
CREATE INDEX notification_preferences_digest_idx ON notification_preferences (user_id) WHERE daily_digest;

CREATE TRIGGER notification_preferences_updated_at BEFORE UPDATE ON notification_preferences
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One thing Cairn told one person: the in-app feed (in_app) and the record that an email
-- went out (emailed). A row with in_app = false exists only so that a redelivered event
-- does not mail twice; the feed never shows it.
CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('assigned', 'commented', 'mentioned', 'due_soon')),
    -- The change that caused it; null for due-date reminders, which no change causes.
    event_id   uuid REFERENCES events (id) ON DELETE CASCADE,
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    task_id    uuid REFERENCES tasks (id) ON DELETE CASCADE,
    actor_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    -- What the feed and the mail show, as it was then: {taskKey, taskTitle, actorName,
    -- excerpt, dueDate}.
    summary    jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(summary) = 'object'
                                                        AND octet_length(summary::text) <= 8192),
    in_app     boolean     NOT NULL,
    emailed    boolean     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz,
    -- The listener is idempotent: a redelivered event finds its rows and does nothing.
    -- Also the index of the user_id foreign key.
    UNIQUE (user_id, event_id, kind)
);

-- The feed, newest first (keyset on id), and the unread feed, read-all and the digest.
CREATE INDEX notifications_feed_idx ON notifications (user_id, id) WHERE in_app;
CREATE INDEX notifications_unread_idx ON notifications (user_id, id) WHERE in_app AND read_at IS NULL;
-- Foreign keys.
CREATE INDEX notifications_event_id_idx ON notifications (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX notifications_project_id_idx ON notifications (project_id);
CREATE INDEX notifications_task_id_idx ON notifications (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX notifications_actor_id_idx ON notifications (actor_id) WHERE actor_id IS NOT NULL;

-- A due-date reminder went out for this task and due date: never again for the pair, on
-- any node, however often the job runs. A new due date is a new reminder.
CREATE TABLE due_reminders (
    task_id  uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    due_date date        NOT NULL,
    sent_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, due_date)
);

-- Open, assigned, dated tasks by due date, across projects: the reminder job's range
-- scan. V5's (project_id, due_date, id) leads with the project, so it cannot serve a
-- query over every project.
CREATE INDEX tasks_due_reminder_idx ON tasks (due_date, id)
    WHERE deleted_at IS NULL AND completed_at IS NULL AND assignee_id IS NOT NULL AND due_date IS NOT NULL;

-- A daily digest went out to this user for this day (UTC): once per user per day.
CREATE TABLE notification_digests (
    user_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day     date        NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, day)
);
