CREATE TABLE projects (
    id               uuid PRIMARY KEY,
    -- Prefix of task keys (CAIRN-123); held by a project in the trash until it is purged.
    key              text        NOT NULL UNIQUE CHECK (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name             text        NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 200),
    description      text CHECK (char_length(description) <= 10000),
    -- The last task number handed out; incremented under the row lock when a task is made,
    -- so numbers are unique and gap-free per project without a table-wide sequence.
    last_task_number integer     NOT NULL DEFAULT 0 CHECK (last_task_number >= 0),
    created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint      NOT NULL DEFAULT 1
);

CREATE INDEX projects_created_by_idx ON projects (created_by);
-- The trash purge job looks for projects deleted before a cut-off.
CREATE INDEX projects_deleted_at_idx ON projects (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TRIGGER projects_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE project_members (
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Deleting a user removes their memberships; the last-owner rule is the service's job.
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);

-- "My projects", and the foreign key on user_id. The primary key serves the project side.
CREATE INDEX project_members_user_id_idx ON project_members (user_id, project_id);

CREATE TRIGGER project_members_updated_at BEFORE UPDATE ON project_members
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Workflow states of a project, each in one of the fixed categories that give them meaning
-- (a task entering a completed or canceled status gets completed_at).
CREATE TABLE statuses (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 50),
    category   text        NOT NULL CHECK (category IN ('backlog', 'unstarted', 'started', 'completed', 'canceled')),
    position   integer     NOT NULL CHECK (position >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Target of the tasks' composite foreign key, which keeps a task's status in its project.
    UNIQUE (project_id, id)
);

CREATE UNIQUE INDEX statuses_project_name_key ON statuses (project_id, lower(name));
CREATE INDEX statuses_project_position_idx ON statuses (project_id, position);

CREATE TRIGGER statuses_updated_at BEFORE UPDATE ON statuses
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE labels (
    id          uuid PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 50),
    color       text        NOT NULL DEFAULT '#6b7280' CHECK (color ~ '^#[0-9a-f]{6}$'),
    description text CHECK (char_length(description) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, id)
);

-- "bug" and "Bug" are the same label; also serves the list of a project's labels by name.
CREATE UNIQUE INDEX labels_project_name_key ON labels (project_id, lower(name));

CREATE TRIGGER labels_updated_at BEFORE UPDATE ON labels
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Typed custom fields of a project; task values live in tasks.custom_fields keyed by id.
CREATE TABLE custom_fields (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 50),
    type       text        NOT NULL CHECK (type IN ('text', 'number', 'date', 'checkbox', 'url', 'select',
                                                    'multiselect', 'user')),
    -- For select and multiselect: [{"id": "...", "name": "...", "color": "#..."}].
    options    jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'
                                                        AND octet_length(options::text) <= 65536),
    position   integer     NOT NULL CHECK (position >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX custom_fields_project_name_key ON custom_fields (project_id, lower(name));
CREATE INDEX custom_fields_project_position_idx ON custom_fields (project_id, position);

CREATE TRIGGER custom_fields_updated_at BEFORE UPDATE ON custom_fields
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
