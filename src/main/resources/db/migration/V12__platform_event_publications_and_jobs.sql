-- Spring Modulith's event publication registry (the transactional outbox): one row per
-- (event, listener), written in the transaction that published the event and deleted
-- when the listener completes (completion mode "delete"), so the table holds only what
-- is still owed. The layout is Modulith's own (schema v2) and must stay so.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);

-- Modulith finds a publication by its serialized event when it marks it completed.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
-- The staleness check and the resubmission job read by status and age.
CREATE INDEX event_publication_status_idx ON event_publication (status, publication_date);

-- db-scheduler's table: recurring jobs and one-off tasks (webhook delivery attempts),
-- claimed with SELECT ... FOR UPDATE SKIP LOCKED so each runs on one node at a time.
-- The layout is db-scheduler's own and must stay so.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

-- Due executions, and dead ones (a node that stopped sending heartbeats).
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time);
