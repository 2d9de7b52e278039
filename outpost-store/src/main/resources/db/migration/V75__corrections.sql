-- Agents' corrections of enrichment (issue 5): what the agent chose and what the model had said,
-- so that `outpost train sentiment --corrections-from` can fold them into the organisation's model.
-- A NULL sentiment or intents means that part was not corrected.
CREATE TABLE corrections (
    id                 bigserial PRIMARY KEY,
    mention_id         bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
    at                 timestamptz NOT NULL,
    actor              text NOT NULL,
    sentiment          text CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    intents            text[],
    previous_sentiment text,
    previous_intents   text[] NOT NULL DEFAULT '{}',
    CHECK (sentiment IS NOT NULL OR intents IS NOT NULL)
);

CREATE INDEX corrections_mention ON corrections (mention_id);
