-- Tags agents and analysts put on mentions while triaging the stream (bulk or one by one):
-- "refund", "press", "irrelevant"... A tag goes with its mention when the mention is deleted.
CREATE TABLE mention_tags (
    mention_id bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
    tag        text NOT NULL CHECK (tag ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    tagged_by  text NOT NULL,
    tagged_at  timestamptz NOT NULL,
    PRIMARY KEY (mention_id, tag)
);

CREATE INDEX mention_tags_tag ON mention_tags (tag, mention_id);
