-- Alert threads (one spike, one viral post, one incident) and what people did with them.
-- at/opened_at are stream times (when the detector fired); recorded_at and the actors' times are
-- wall-clock times.
CREATE TABLE alert_threads (
    thread_id       text PRIMARY KEY,
    kind            text NOT NULL,
    subject         text NOT NULL,
    severity        text NOT NULL,
    phase           text NOT NULL,
    opened_at       timestamptz NOT NULL,
    last_at         timestamptz NOT NULL,
    messages        integer NOT NULL,
    latest          jsonb NOT NULL,
    status          text NOT NULL CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'SNOOZED', 'RESOLVED')),
    snoozed_until   timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    resolved_by     text,
    resolved_at     timestamptz,
    escalated_at    timestamptz,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX alert_threads_last ON alert_threads (last_at DESC, thread_id);
CREATE INDEX alert_threads_open ON alert_threads (recorded_at)
    WHERE status = 'NEW' AND phase <> 'CLOSED' AND escalated_at IS NULL;

-- Every message of a thread, once (a repeated message has the same thread, phase and time).
CREATE TABLE alert_messages (
    thread_id text NOT NULL REFERENCES alert_threads (thread_id) ON DELETE CASCADE,
    phase     text NOT NULL,
    at        timestamptz NOT NULL,
    message   jsonb NOT NULL,
    PRIMARY KEY (thread_id, phase, at)
);

-- The latest snapshot of each incident found by clustering.
CREATE TABLE incidents (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    status       text NOT NULL,
    opened_at    timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    size         integer NOT NULL,
    snapshot     jsonb NOT NULL
);

CREATE INDEX incidents_last ON incidents (last_seen_at DESC, id);
