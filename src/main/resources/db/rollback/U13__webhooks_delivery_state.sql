DROP INDEX webhook_deliveries_webhook_status_idx;
ALTER TABLE webhook_deliveries DROP COLUMN error, DROP COLUMN duration_ms;
ALTER TABLE webhooks DROP COLUMN secret_rotated_at, DROP COLUMN disabled_at, DROP COLUMN last_success_at;
