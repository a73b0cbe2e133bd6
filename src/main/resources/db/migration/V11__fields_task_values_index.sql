-- Custom field filters on the task list (cf.<fieldId>=value) are JSONB containment,
-- t.custom_fields @> '{"<fieldId>": value}'; jsonb_path_ops indexes exactly that, in less
-- space than the default operator class (which also serves key-exists operators we do
-- not use). Live tasks only, like the other list indexes.
CREATE INDEX tasks_custom_fields_idx ON tasks USING gin (custom_fields jsonb_path_ops)
    WHERE deleted_at IS NULL;
