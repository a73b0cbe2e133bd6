CREATE TABLE webhooks (
    id              uuid PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    url             text        NOT NULL CHECK (char_length(url) <= 2048 AND url ~ '^https?://'),
    -- Subscribed event types; '*' for all.
    events          text[]      NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 64),
    -- whsec_... signing secret(s). During a rotation the previous one signs too until
    -- previous_secret_expires_at.
    secret          text        NOT NULL,
    previous_secret text,
    previous_secret_expires_at timestamptz,
    enabled         boolean     NOT NULL DEFAULT true,
    disabled_reason text CHECK (char_length(disabled_reason) <= 500),
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 1
);

CREATE INDEX webhooks_project_id_idx ON webhooks (project_id, id);
CREATE INDEX webhooks_created_by_idx ON webhooks (created_by) WHERE created_by IS NOT NULL;

CREATE TRIGGER webhooks_updated_at BEFORE UPDATE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per (event, webhook): the unit of retry, and the delivery log.
CREATE TABLE webhook_deliveries (
    id                 uuid PRIMARY KEY,
    webhook_id         uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id           uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status             text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    timestamptz,
    last_attempt_at    timestamptz,
    response_status    integer CHECK (response_status BETWEEN 100 AND 599),
    -- The first 4 KiB of the receiver's answer, or the network error.
    response_excerpt   text CHECK (octet_length(response_excerpt) <= 4096),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, event_id)
);

-- The delivery log of a webhook (keyset on id, newest first); the unique key above leads
-- with webhook_id too but orders by event.
CREATE INDEX webhook_deliveries_webhook_id_idx ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_event_id_idx ON webhook_deliveries (event_id);
-- The retry job: pending deliveries whose time has come.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TRIGGER webhook_deliveries_updated_at BEFORE UPDATE ON webhook_deliveries
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
