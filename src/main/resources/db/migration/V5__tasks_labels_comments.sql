CREATE TABLE tasks (
    id            uuid PRIMARY KEY,
    project_id    uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Per-project number, shown as KEY-123.
    number        integer     NOT NULL CHECK (number > 0),
    title         text        NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 500),
    description   text CHECK (char_length(description) <= 100000),
    status_id     uuid        NOT NULL,
    -- 0 none, 1 low, 2 medium, 3 high, 4 urgent: a number so that sorting by priority is
    -- sorting by urgency and an index can serve it.
    priority      smallint    NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 4),
    assignee_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    reporter_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    parent_id     uuid,
    start_date    date,
    due_date      date,
    -- Estimated effort in hours.
    estimate      numeric(8, 2) CHECK (estimate >= 0),
    -- Order within a board column; sparse so a move between two neighbours rarely
    -- renumbers anything.
    position      bigint      NOT NULL,
    custom_fields jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'
                                                           AND octet_length(custom_fields::text) <= 65536),
    search_vector tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A') ||
                      setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 1,
    UNIQUE (project_id, number),
    UNIQUE (project_id, id),
    CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date),
    CHECK (parent_id IS NULL OR parent_id <> id),
    -- Composite keys keep the status and the parent inside the task's own project.
    -- A status that still has tasks cannot be deleted (move them first).
    FOREIGN KEY (project_id, status_id) REFERENCES statuses (project_id, id) ON DELETE RESTRICT,
    -- Purging a parent leaves its subtasks as top-level tasks (and keeps their project).
    FOREIGN KEY (project_id, parent_id) REFERENCES tasks (project_id, id) ON DELETE SET NULL (parent_id)
);

-- Board columns and the status filter, and the (project_id, status_id) foreign key. Not
-- partial: deleting a status must also find the tasks in the trash that still use it.
CREATE INDEX tasks_project_status_position_idx ON tasks (project_id, status_id, position);
-- Default list order (newest first, keyset on id), live tasks only.
CREATE INDEX tasks_project_live_id_idx ON tasks (project_id, id) WHERE deleted_at IS NULL;
-- "Assigned to me" across projects, and the foreign key.
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_reporter_id_idx ON tasks (reporter_id) WHERE reporter_id IS NOT NULL;
-- Subtasks of a task, and the (project_id, parent_id) foreign key.
CREATE INDEX tasks_project_parent_idx ON tasks (project_id, parent_id) WHERE parent_id IS NOT NULL;
-- Due-date filters and reminders.
CREATE INDEX tasks_project_due_date_idx ON tasks (project_id, due_date, id)
    WHERE deleted_at IS NULL AND due_date IS NOT NULL;
-- updatedSince (sync clients) and sort by last change.
CREATE INDEX tasks_project_updated_at_idx ON tasks (project_id, updated_at, id) WHERE deleted_at IS NULL;
-- The trash purge job.
CREATE INDEX tasks_deleted_at_idx ON tasks (deleted_at) WHERE deleted_at IS NOT NULL;
-- Full-text search on title and description.
CREATE INDEX tasks_search_vector_idx ON tasks USING gin (search_vector);

CREATE TRIGGER tasks_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- project_id is repeated here so that composite keys can insist that a task only
-- carries labels of its own project.
CREATE TABLE task_labels (
    project_id uuid        NOT NULL,
    task_id    uuid        NOT NULL,
    label_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, label_id),
    FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE CASCADE,
    FOREIGN KEY (project_id, label_id) REFERENCES labels (project_id, id) ON DELETE CASCADE
);

-- Tasks with a label (the label filter), and the label foreign key.
CREATE INDEX task_labels_project_label_idx ON task_labels (project_id, label_id, task_id);
-- The (project_id, task_id) foreign key.
CREATE INDEX task_labels_project_task_idx ON task_labels (project_id, task_id);

CREATE TABLE comments (
    id         uuid PRIMARY KEY,
    task_id    uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    -- Comments outlive their author's account.
    author_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    body       text        NOT NULL CHECK (char_length(btrim(body)) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    edited_at  timestamptz,
    version    bigint      NOT NULL DEFAULT 1
);

-- A task's comments in order (keyset on id), and the foreign key.
CREATE INDEX comments_task_id_idx ON comments (task_id, id);
CREATE INDEX comments_author_id_idx ON comments (author_id) WHERE author_id IS NOT NULL;

CREATE TRIGGER comments_updated_at BEFORE UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
