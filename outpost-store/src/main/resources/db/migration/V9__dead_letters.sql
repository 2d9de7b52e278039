-- Posts the pipeline could not process or store (a dead letter each), kept with the reason so that
-- one bad post never blocks its source. The post is kept as JSON text (not jsonb: jsonb refuses
-- the \u0000 escape) for a person to inspect and, once the cause is fixed, replay.

CREATE TABLE dead_letters (
    id          bigserial PRIMARY KEY,
    source      text NOT NULL,
    network     text NOT NULL,
    external_id text NOT NULL,
    reason      text NOT NULL,
    post        text NOT NULL,
    rejected_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, network, external_id)
);

CREATE INDEX dead_letters_rejected ON dead_letters (rejected_at);
