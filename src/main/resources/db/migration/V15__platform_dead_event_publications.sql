-- Event publications whose listener failed cairn.events.max-attempts times: moved out of
-- event_publication so that they no longer hold up the recovery of the others, and kept
-- here for an operator to read, fix and replay (docs/operations.md). Same columns as
-- event_publication, plus when it was given up.
CREATE TABLE event_publication_dead (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_attempts    integer,
    last_resubmission_date timestamptz,
    dead_at                timestamptz NOT NULL DEFAULT now()
);
