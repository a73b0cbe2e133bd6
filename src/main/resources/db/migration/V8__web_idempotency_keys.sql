-- Idempotency-Key replay: the first response to a (user, key) is kept for 24 hours and
-- replayed for a retry with the same request; the same key with another request is 422.
CREATE TABLE idempotency_keys (
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key             text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    -- SHA-256 of method, path and body: what "the same request" means.
    request_hash    bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
    -- Null while the first request is still being processed.
    response_status integer CHECK (response_status BETWEEN 100 AND 599),
    response_headers jsonb,
    response_body   bytea CHECK (octet_length(response_body) <= 1048576),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- The purge job.
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
