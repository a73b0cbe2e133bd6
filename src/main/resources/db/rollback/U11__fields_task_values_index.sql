DROP INDEX tasks_custom_fields_idx;
