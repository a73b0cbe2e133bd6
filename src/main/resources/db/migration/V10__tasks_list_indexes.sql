-- Sorting a task list by priority (urgent first or last), keyset on (priority, id).
CREATE INDEX tasks_project_priority_idx ON tasks (project_id, priority, id) WHERE deleted_at IS NULL;

-- Sorting by due date, tasks without one last: ordered by the due date with "no date"
-- read as infinity, so that the keyset after any task is one row comparison and one range
-- of this index, and -dueDate is the same range backwards. (V5's partial index on dated
-- tasks stays for the dueBefore and dueAfter filters.)
CREATE INDEX tasks_project_due_sort_idx ON tasks (project_id, coalesce(due_date, 'infinity'::date), id)
    WHERE deleted_at IS NULL;

-- A board column in order, keyset on (position, id): the id joins the index so that the
-- tie-breaker needs no sort step. Still not partial, and still the index of the
-- (project_id, status_id) foreign key.
DROP INDEX tasks_project_status_position_idx;
CREATE INDEX tasks_project_status_position_idx ON tasks (project_id, status_id, position, id);

-- Full-text search is always within one project. A GIN index on the search vector alone
-- finds every matching task in the database and then filters by project, so a search
-- grows with the whole table; with the project id in the same GIN index (btree_gin, a
-- trusted contrib extension), it is one index probe for this project's matches.
-- fastupdate is off so new and changed tasks go straight into the index instead of a
-- pending list that every search would have to read until the next vacuum (measured in
-- docs/performance.md: a search that matched nothing took 34 ms after 20k writes).
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX tasks_search_vector_idx;
CREATE INDEX tasks_project_search_idx ON tasks USING gin (project_id, search_vector) WITH (fastupdate = off);
