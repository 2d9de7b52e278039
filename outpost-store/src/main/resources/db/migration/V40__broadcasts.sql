-- Broadcasts (issue 9): incident announcements with their messages (announcement, updates,
-- resolution). Each message is approved by someone other than its author before it is published;
-- what was sent to each channel lives in the outbox under keys broadcast:ID:SEQ:CHANNEL:PART.
CREATE TABLE broadcasts (
    id          bigserial PRIMARY KEY,
    title       text NOT NULL,
    impact      text NOT NULL CHECK (impact IN ('MAINTENANCE', 'DEGRADED', 'PARTIAL_OUTAGE', 'MAJOR_OUTAGE')),
    components  text[] NOT NULL DEFAULT '{}',
    incident_id text,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    resolved_at timestamptz
);

CREATE TABLE broadcast_messages (
    broadcast_id bigint NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    seq          integer NOT NULL CHECK (seq >= 1),
    kind         text NOT NULL CHECK (kind IN ('ANNOUNCEMENT', 'UPDATE', 'RESOLUTION')),
    body         text NOT NULL,
    author       text NOT NULL,
    created_at   timestamptz NOT NULL,
    approved_by  text,
    approved_at  timestamptz,
    published_at timestamptz,
    PRIMARY KEY (broadcast_id, seq),
    -- nobody approves their own message
    CHECK (approved_by IS NULL OR approved_by <> author),
    CHECK (published_at IS NULL OR approved_at IS NOT NULL)
);

-- the answer to everyone affected looks up each author's latest post
CREATE INDEX posts_author_created ON posts (author_id, created_at DESC);
