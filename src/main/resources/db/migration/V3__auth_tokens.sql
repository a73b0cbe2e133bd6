-- Refresh tokens: opaque secrets stored only as SHA-256 hashes. Each login starts a
-- family; every refresh spends one token and adds its successor to the family, and a
-- spent token seen again revokes the whole family (theft detection).
CREATE TABLE refresh_tokens (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id    uuid        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    spent_at     timestamptz,
    revoked_at   timestamptz,
    user_agent   text CHECK (char_length(user_agent) <= 512),
    ip_address   inet
);

CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);

-- Personal access tokens (cairn_pat_...): hashed, scoped, revocable.
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
    token_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- The first characters of the secret, so a user can tell tokens apart in a list.
    token_hint   text        NOT NULL CHECK (char_length(token_hint) <= 32),
    scopes       text[]      NOT NULL CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY['read', 'write', 'admin']),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Serves "my tokens" (keyset on id) and the foreign key.
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id, id);

-- Single-use tokens mailed to the user: email verification and password reset.
CREATE TABLE one_time_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('email_verification', 'password_reset')),
    token_hash bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX one_time_tokens_user_id_idx ON one_time_tokens (user_id, purpose);
CREATE INDEX one_time_tokens_expires_at_idx ON one_time_tokens (expires_at);

-- JWT signing keys, shared by every node. A retired key stays (public part published in
-- the JWKS) until the last token it signed has expired.
CREATE TABLE signing_keys (
    kid             text PRIMARY KEY CHECK (char_length(kid) BETWEEN 1 AND 64),
    algorithm       text        NOT NULL CHECK (algorithm IN ('EdDSA', 'ES256')),
    public_key_pem  text        NOT NULL,
    private_key_pem text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    retired_at      timestamptz
);

-- Accounts at OpenID Connect providers linked to a Cairn user.
CREATE TABLE user_identities (
    provider   text        NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 64),
    subject    text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text CHECK (char_length(email) <= 254),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);

CREATE INDEX user_identities_user_id_idx ON user_identities (user_id);
