-- The append-only log of every change: the activity feeds, the audit trail, and the
-- source of webhook deliveries and notifications. One row per change, written in the
-- same transaction as the change itself.
CREATE TABLE events (
    id          uuid PRIMARY KEY,
    -- Dotted type such as task.created or member.role_changed.
    type        text        NOT NULL CHECK (type ~ '^[a-z][a-z_]*\.[a-z][a-z_]*$' AND char_length(type) <= 64),
    project_id  uuid REFERENCES projects (id) ON DELETE CASCADE,
    task_id     uuid REFERENCES tasks (id) ON DELETE CASCADE,
    actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    -- {before?, after, changes}
    data        jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object')
);

-- Project activity (keyset on id, newest first), and the foreign key.
CREATE INDEX events_project_id_idx ON events (project_id, id) WHERE project_id IS NOT NULL;
-- Task activity, and the foreign key.
CREATE INDEX events_task_id_idx ON events (task_id, id) WHERE task_id IS NOT NULL;
CREATE INDEX events_actor_id_idx ON events (actor_id) WHERE actor_id IS NOT NULL;

-- History is not rewritten. The one update allowed is the one a foreign key makes when
-- an actor's account is deleted (actor_id becomes null); deletes happen only when the
-- project or task they belong to is purged.
CREATE FUNCTION events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.actor_id IS NULL
        AND (NEW.id, NEW.type, NEW.project_id, NEW.task_id, NEW.occurred_at, NEW.data)
            IS NOT DISTINCT FROM (OLD.id, OLD.type, OLD.project_id, OLD.task_id, OLD.occurred_at, OLD.data) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
