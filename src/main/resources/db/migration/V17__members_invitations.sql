-- Invitations to a project by email address: membership begins only when the person who
-- has proven that address accepts (issue 16: adding members by email told the inviter who
-- has an account and added people without asking them). One row per project and address,
-- taken up again by every later invitation to it, so a revoked, declined or expired
-- invitation still remembers when the address was last mailed.
CREATE TABLE project_invitations (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Folded by lower(), as users_email_key folds account addresses: the invitation is
    -- matched to an account with email = lower(users.email).
    email      text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'
                                           AND email = lower(email)),
    role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- The invitation stands when the inviter's account goes.
    invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
    state      text        NOT NULL DEFAULT 'pending'
                           CHECK (state IN ('pending', 'accepted', 'declined', 'revoked')),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- A pending invitation is void after this; one that is answered or revoked expires
    -- then, and the purge job deletes rows a day after they expire.
    expires_at timestamptz NOT NULL,
    -- The last invitation mail for this project to this address: at most one a day.
    mailed_at  timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Re-inviting takes up the row (ON CONFLICT); also the index of the project_id key.
    UNIQUE (project_id, email)
);

-- A project's pending invitations (the admins' list, keyset on id; the per-project cap).
CREATE INDEX project_invitations_pending_idx ON project_invitations (project_id, id) WHERE state = 'pending';
-- The pending invitations of one address ("my invitations", keyset on id).
CREATE INDEX project_invitations_email_pending_idx ON project_invitations (email, id) WHERE state = 'pending';
-- Foreign key.
CREATE INDEX project_invitations_invited_by_idx ON project_invitations (invited_by) WHERE invited_by IS NOT NULL;
-- The purge job.
CREATE INDEX project_invitations_expires_at_idx ON project_invitations (expires_at);

CREATE TRIGGER project_invitations_updated_at BEFORE UPDATE ON project_invitations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
