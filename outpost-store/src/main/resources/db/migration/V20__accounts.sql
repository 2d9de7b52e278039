-- Accounts (issue 12): people who sign in, their sessions and API tokens, and encrypted secrets.
-- Passwords are Argon2id hashes; session ids and API tokens are stored as SHA-256 digests, so a
-- copy of the database signs nobody in. Secrets are AES-GCM ciphertext under a key kept outside
-- the database (a key file under the data directory).
CREATE TABLE users (
    name            text PRIMARY KEY,
    role            text NOT NULL,
    password_hash   text NOT NULL,
    disabled        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz
);

CREATE TABLE sessions (
    id_hash     text PRIMARY KEY,
    user_name   text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf_token  text NOT NULL,
    created_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    revoked     boolean NOT NULL DEFAULT false
);
CREATE INDEX sessions_user ON sessions (user_name);

CREATE TABLE api_tokens (
    id          bigserial PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    user_name   text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    name        text NOT NULL,
    permissions text NOT NULL,
    created_at  timestamptz NOT NULL,
    last_used   timestamptz,
    revoked     boolean NOT NULL DEFAULT false
);

-- Failed sign-ins by address, for throttling guessing from one place across many accounts.
CREATE TABLE sign_in_failures (
    address text NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, at DESC);

CREATE TABLE secrets (
    name       text PRIMARY KEY,
    key_id     text NOT NULL,
    nonce      bytea NOT NULL,
    ciphertext bytea NOT NULL,
    updated_at timestamptz NOT NULL
);
