-- Sorting a task list by priority (urgent first or last), keyset on (priority, id).
CREATE INDEX tasks_project_priority_idx ON tasks (project_id, priority, id) WHERE deleted_at IS NULL;

-- Sorting by due date must also reach the tasks without one (they come last), so the
-- partial index of V5, which only held dated tasks, becomes a full one. It still serves
-- the dueBefore and dueAfter filters.
DROP INDEX tasks_project_due_date_idx;
CREATE INDEX tasks_project_due_date_idx ON tasks (project_id, due_date, id) WHERE deleted_at IS NULL;

-- A board column in order, keyset on (position, id): the id joins the index so that the
-- tie-breaker needs no sort step. Still not partial, and still the index of the
-- (project_id, status_id) foreign key.
DROP INDEX tasks_project_status_position_idx;
CREATE INDEX tasks_project_status_position_idx ON tasks (project_id, status_id, position, id);
