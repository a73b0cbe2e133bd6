-- What delivery needs beyond V7's tables.

-- The last time a delivery got through: a delivery that exhausts its retries when
-- nothing has got through since it was created (sustained failure, about a day by
-- default) disables the webhook. disabled_at says when it was turned off.
ALTER TABLE webhooks
    ADD COLUMN last_success_at timestamptz,
    ADD COLUMN disabled_at   timestamptz,
    ADD COLUMN secret_rotated_at timestamptz;

-- How long the last attempt took, and the network error when there was no response.
ALTER TABLE webhook_deliveries
    ADD COLUMN duration_ms integer CHECK (duration_ms >= 0),
    ADD COLUMN error       text CHECK (char_length(error) <= 500);

-- Manual redelivery and the delivery log filter by status.
CREATE INDEX webhook_deliveries_webhook_status_idx ON webhook_deliveries (webhook_id, status, id);
