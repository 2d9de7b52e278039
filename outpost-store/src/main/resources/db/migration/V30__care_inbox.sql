-- The care inbox (issue 8): cases opened from mentions, their messages (the customer's posts and
-- the brand's answers), their history, who is drafting on them, and saved replies.
-- At most one open case per author and topic (care_cases_open): a follow-up joins it.

CREATE TABLE care_cases (
    id                  bigserial PRIMARY KEY,
    network             text NOT NULL,
    author_handle       text NOT NULL,
    author_name         text NOT NULL,
    author_followers    bigint NOT NULL DEFAULT 0,
    author_influencer   boolean NOT NULL DEFAULT false,
    topic_id            text NOT NULL,
    queue               text NOT NULL,
    status              text NOT NULL CHECK (status IN ('NEW', 'OPEN', 'WAITING', 'ESCALATED', 'RESOLVED')),
    priority            integer NOT NULL CHECK (priority BETWEEN 0 AND 100),
    priority_reasons    text[] NOT NULL DEFAULT '{}',
    assignee            text,
    tags                text[] NOT NULL DEFAULT '{}',
    opened_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    first_response_due  timestamptz NOT NULL,
    resolution_due      timestamptz NOT NULL,
    first_response_at   timestamptz,
    resolved_at         timestamptz,
    resolution          text,
    waiting_since       timestamptz,
    sla_escalated_at    timestamptz,
    first_sentiment     text,
    latest_sentiment    text,
    latest_sentiment_at timestamptz
);

CREATE UNIQUE INDEX care_cases_open ON care_cases (network, author_handle, topic_id)
    WHERE status <> 'RESOLVED';
CREATE INDEX care_cases_queue ON care_cases (status, queue, priority DESC);
CREATE INDEX care_cases_author ON care_cases (network, author_handle, opened_at DESC);

-- What was said on a case: IN from the customer (a stored mention), OUT from the brand (through the
-- outbox under outbox_key; its delivery state is read from the outbox).
CREATE TABLE care_messages (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES care_cases (id) ON DELETE CASCADE,
    direction   text NOT NULL CHECK (direction IN ('IN', 'OUT')),
    kind        text NOT NULL,
    external_id text,
    reply_to    text,
    actor       text NOT NULL,
    text        text NOT NULL,
    at          timestamptz NOT NULL,
    sentiment   text,
    outbox_key  text,
    -- a reply that needs approval waits here (not in the outbox) until someone approves it
    channel     text,
    awaiting_approval boolean NOT NULL DEFAULT false,
    approved_by text
);

CREATE INDEX care_messages_case ON care_messages (case_id, id);
CREATE UNIQUE INDEX care_messages_in ON care_messages (case_id, external_id) WHERE direction = 'IN';
CREATE INDEX care_messages_external ON care_messages (external_id);

-- Every change on a case, in order: the case's history (notes are events of kind 'note').
CREATE TABLE care_events (
    id      bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES care_cases (id) ON DELETE CASCADE,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    kind    text NOT NULL,
    detail  text NOT NULL DEFAULT ''
);

CREATE INDEX care_events_case ON care_events (case_id, id);

-- Who has a case open in a reply box, refreshed while they type (collision warnings).
CREATE TABLE care_presence (
    case_id bigint NOT NULL REFERENCES care_cases (id) ON DELETE CASCADE,
    agent   text NOT NULL,
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, agent)
);

CREATE TABLE care_saved_replies (
    name       text PRIMARY KEY,
    body       text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Sent replies are looked up by the network's id of what was created.
CREATE INDEX outbox_external_id ON outbox (external_id) WHERE external_id IS NOT NULL;
