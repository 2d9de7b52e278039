-- Impersonation review (issue 10): accounts among mention authors that look like the brand's own,
-- one row per account (network + case-folded handle), with the latest score, its reasons as JSON,
-- what was seen of the account, and the reviewer's decision.
CREATE TABLE impersonation_candidates (
    id                 bigserial PRIMARY KEY,
    network            text NOT NULL,
    handle             text NOT NULL,
    handle_key         text NOT NULL,
    display_name       text NOT NULL,
    account_created_at timestamptz,
    links              text[] NOT NULL DEFAULT '{}',
    asks_to_dm         boolean NOT NULL DEFAULT false,
    score              double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    verdict            text NOT NULL CHECK (verdict IN ('impersonation', 'suspicious', 'ok')),
    resembles          text,
    reasons            jsonb NOT NULL DEFAULT '[]'::jsonb,
    status             text NOT NULL DEFAULT 'NEW'
                       CHECK (status IN ('NEW', 'CONFIRMED', 'DISMISSED', 'REPORTED')),
    first_seen         timestamptz NOT NULL,
    last_seen          timestamptz NOT NULL,
    sightings          integer NOT NULL DEFAULT 1 CHECK (sightings >= 1),
    last_mention_id    bigint,
    last_post_url      text,
    last_post_text     text,
    reviewed_by        text,
    reviewed_at        timestamptz,
    note               text,
    UNIQUE (network, handle_key)
);

CREATE INDEX impersonation_candidates_status ON impersonation_candidates (status, score DESC);
