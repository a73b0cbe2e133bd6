-- TOTP second factor (RFC 6238). The shared secret must be readable to check codes, so it
-- is stored encrypted (AES-256-GCM, key outside the database), never in the clear.
CREATE TABLE user_totp (
    user_id          uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_encrypted bytea       NOT NULL CHECK (octet_length(secret_encrypted) <= 256),
    -- Null while enrolment waits for the first correct code.
    confirmed_at     timestamptz,
    -- The last time step accepted, so a code is never accepted twice (replay).
    last_used_step   bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER user_totp_updated_at BEFORE UPDATE ON user_totp
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Ten single-use codes for when the authenticator is lost; 80 random bits each, so a
-- SHA-256 hash is enough.
CREATE TABLE recovery_codes (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL UNIQUE CHECK (octet_length(code_hash) = 32),
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX recovery_codes_user_id_idx ON recovery_codes (user_id);

-- The short-lived step between a correct password and a correct second factor.
CREATE TABLE mfa_challenges (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    failed_attempts integer     NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 100),
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mfa_challenges_user_id_idx ON mfa_challenges (user_id);
CREATE INDEX mfa_challenges_expires_at_idx ON mfa_challenges (expires_at);
