-- Back to V15: edits no longer name their comment, and no update of events is allowed but
-- the one clearing a deleted account's actor. Redacted events stay redacted: the text
-- they lost is gone.
ALTER TABLE events DISABLE TRIGGER events_append_only;
UPDATE events SET data = data #- '{after,commentId}'
WHERE type = 'comment.updated' AND data -> 'after' ? 'commentId';
ALTER TABLE events ENABLE TRIGGER events_append_only;

CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger
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

DROP FUNCTION events_redacted(jsonb);
