DROP INDEX tasks_project_priority_idx;
DROP INDEX tasks_project_due_sort_idx;
DROP INDEX tasks_project_status_position_idx;
CREATE INDEX tasks_project_status_position_idx ON tasks (project_id, status_id, position);
DROP INDEX tasks_project_search_idx;
CREATE INDEX tasks_search_vector_idx ON tasks USING gin (search_vector);
DROP EXTENSION IF EXISTS btree_gin;
