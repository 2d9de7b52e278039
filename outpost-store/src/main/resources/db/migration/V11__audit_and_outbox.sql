-- The audit log: who did what, when, to what. Append-only; admins read and export it.
CREATE TABLE audit_log (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    action  text NOT NULL,
    subject text NOT NULL,
    details jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, at DESC);

-- The outbox: every action sent to a network or channel, under an idempotency key (the primary
-- key), so a retry or a restart never sends one twice. A dispatcher claims due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, so several senders never take the same row.
CREATE TABLE outbox (
    key             text PRIMARY KEY,
    channel         text NOT NULL,
    kind            text NOT NULL,
    target          text NOT NULL,
    body            text NOT NULL,
    attributes      jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    external_id     text,
    url             text,
    sent_at         timestamptz
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
