-- A deleted comment's text leaves the events that carried it (its creation and its
-- edits): the one change to history the events table allows besides clearing a deleted
-- account's actor. The events themselves stay, with their type, actor and time; their
-- bodies become null and the data says "redacted": true. ADR 0015.

-- What a redacted event's data is: fixed, so the trigger can check an update against it.
CREATE FUNCTION events_redacted(data jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
    redacted jsonb := data || '{"redacted": true}';
BEGIN
    IF jsonb_typeof(data -> 'before') = 'object' AND data -> 'before' ? 'body' THEN
        redacted := jsonb_set(redacted, '{before,body}', 'null');
    END IF;
    IF jsonb_typeof(data -> 'after') = 'object' AND data -> 'after' ? 'body' THEN
        redacted := jsonb_set(redacted, '{after,body}', 'null');
    END IF;
    RETURN redacted;
END;
$$;

CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- The foreign key clearing the actor of a deleted account.
    IF NEW.actor_id IS NULL
        AND (NEW.id, NEW.type, NEW.project_id, NEW.task_id, NEW.occurred_at, NEW.data)
            IS NOT DISTINCT FROM (OLD.id, OLD.type, OLD.project_id, OLD.task_id, OLD.occurred_at, OLD.data) THEN
        RETURN NEW;
    END IF;
    -- A deleted comment's text taken out, once, and nothing else changed. The comment
    -- must be gone (an edit recorded before V16 that names no comment passes).
    IF OLD.type IN ('comment.created', 'comment.updated') AND NOT OLD.data ? 'redacted'
        AND (NEW.id, NEW.type, NEW.project_id, NEW.task_id, NEW.actor_id, NEW.occurred_at)
            IS NOT DISTINCT FROM (OLD.id, OLD.type, OLD.project_id, OLD.task_id, OLD.actor_id, OLD.occurred_at)
        AND NEW.data = events_redacted(OLD.data)
        AND NOT EXISTS (SELECT 1 FROM comments WHERE id = CAST(OLD.data -> 'after' ->> 'commentId' AS uuid)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

-- Edits name their comment from now on (after.commentId, as creations do). Earlier edits
-- are linked by following each comment's text from its creation through its author's
-- edits on the same task (an edit's "before" is the text the step before left); an edit
-- that two comments could claim (the same author's identical texts) stays unlinked, and
-- is redacted with any comment of that author on that task (ActivityLog.redactComment).
-- Writes of events wait while this runs: the trigger is off for this one statement.
ALTER TABLE events DISABLE TRIGGER events_append_only;
WITH RECURSIVE chain (event_id, comment_id, task_id, actor_id, body) AS (
    SELECT id, data -> 'after' ->> 'commentId', task_id, actor_id, data -> 'after' ->> 'body'
    FROM events
    WHERE type = 'comment.created' AND data -> 'after' ? 'commentId'
  UNION
    SELECT edit.id, chain.comment_id, edit.task_id, edit.actor_id, edit.data -> 'after' ->> 'body'
    FROM chain
    JOIN events edit ON edit.task_id = chain.task_id AND edit.type = 'comment.updated'
        AND edit.actor_id IS NOT DISTINCT FROM chain.actor_id
        AND edit.data -> 'before' ->> 'body' = chain.body AND edit.id > chain.event_id
),
linked AS (
    SELECT event_id, min(comment_id) AS comment_id
    FROM chain
    GROUP BY event_id
    HAVING count(DISTINCT comment_id) = 1
)
UPDATE events
SET data = jsonb_set(events.data, '{after,commentId}', to_jsonb(linked.comment_id))
FROM linked
WHERE events.id = linked.event_id AND events.type = 'comment.updated'
  AND NOT events.data -> 'after' ? 'commentId';
ALTER TABLE events ENABLE TRIGGER events_append_only;
