-- What delivery needs beyond V7's tables.

-- When the webhook's current run of failures began (null while it works): a delivery
-- that exhausts its retries while the webhook has failed ever since that delivery was
-- created disables it. disabled_at says when, for the log and the mail to the admins.
ALTER TABLE webhooks
    ADD COLUMN failing_since timestamptz,
    ADD COLUMN disabled_at   timestamptz,
    ADD COLUMN secret_rotated_at timestamptz;

-- How long the last attempt took, and the network error when there was no response.
ALTER TABLE webhook_deliveries
    ADD COLUMN duration_ms integer CHECK (duration_ms >= 0),
    ADD COLUMN error       text CHECK (char_length(error) <= 500);

-- Manual redelivery and the delivery log filter by status.
CREATE INDEX webhook_deliveries_webhook_status_idx ON webhook_deliveries (webhook_id, status, id);
