CREATE TABLE users (
    id                uuid PRIMARY KEY,
    email             text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    -- Null for accounts that only sign in through an OpenID Connect provider.
    password_hash     text        CHECK (char_length(password_hash) <= 512),
    display_name      text        NOT NULL CHECK (char_length(btrim(display_name)) BETWEEN 1 AND 100),
    -- Instance administrators (create-admin); project roles live in project_members.
    is_admin          boolean     NOT NULL DEFAULT false,
    email_verified_at timestamptz,
    disabled_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 1
);

-- One account per address whatever its case: Alice@Example.com and alice@example.com
-- are the same person to every mail server that matters.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- 1:1 with users; kept apart so the hot users row (read on every request) stays small.
CREATE TABLE user_profiles (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    bio        text CHECK (char_length(bio) <= 2000),
    timezone   text CHECK (char_length(timezone) <= 64),
    locale     text CHECK (char_length(locale) <= 35),
    avatar_url text CHECK (char_length(avatar_url) <= 2048),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER user_profiles_updated_at BEFORE UPDATE ON user_profiles
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
