-- What enrichment found in each post (null where enrichment did not run), and the sentiment
-- copied onto each mention so that dashboards aggregate mentions without joining posts.

ALTER TABLE posts
    ADD COLUMN sentiment        text CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    ADD COLUMN sentiment_scores real[],  -- probabilities of negative, neutral, positive
    ADD COLUMN intents          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN influence        real CHECK (influence BETWEEN 0 AND 100),
    ADD COLUMN influencer       boolean NOT NULL DEFAULT false,
    ADD COLUMN reach            bigint CHECK (reach >= 0),
    ADD COLUMN virality         real CHECK (virality >= 0),
    ADD COLUMN text_truncated   boolean NOT NULL DEFAULT false;

ALTER TABLE mentions
    ADD COLUMN sentiment text CHECK (sentiment IN ('negative', 'neutral', 'positive'));

CREATE INDEX mentions_posted ON mentions (posted_at);
