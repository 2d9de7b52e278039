-- Dashboard rollups (ADR 0015): aggregates per UTC day, month and year, so that dashboards over
-- long ranges read thousands of rows instead of millions, and stay exact.
--
-- Any change to mentions (or to a post's text) marks the UTC days it touches dirty, by a
-- statement-level trigger (one cheap statement per stored batch). A single refresher recomputes
-- dirty days from the base tables, then months from days and years from months. A query uses a
-- period's rollup only when that period was computed and none of its days is dirty; everything
-- else (dirty or not yet computed days, and partial days at the edges) is read from the base
-- tables, so answers always equal the stored data.

CREATE TABLE rollup_dirty (
    day     date PRIMARY KEY,
    version bigint NOT NULL DEFAULT 1
);

-- Periods whose rollups are computed: kind 'd' (day), 'm' (month), 'y' (year); start is the first day.
CREATE TABLE rollup_periods (
    kind        char(1) NOT NULL CHECK (kind IN ('d', 'm', 'y')),
    start       date NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (kind, start)
);

-- Mentions per hour and topic, split by sentiment (day rollups only: at most 24 rows a topic a day).
CREATE TABLE rollup_volume (
    day       date NOT NULL,
    hour      timestamptz NOT NULL,
    topic_id  text NOT NULL,
    negative  integer NOT NULL,
    neutral   integer NOT NULL,
    positive  integer NOT NULL,
    unknown   integer NOT NULL,
    PRIMARY KEY (day, topic_id, hour)
);

-- Per period and the exact set of topics a post matched ("topics", sorted), so that a post matching
-- several of the selected topics is still counted once: posts per author (and their highest
-- influence), per hashtag and per word.
CREATE TABLE rollup_authors (
    kind          char(1) NOT NULL,
    start         date NOT NULL,
    topics        text[] NOT NULL,
    author_id     bigint NOT NULL,
    posts         integer NOT NULL,
    max_influence real NOT NULL
);
CREATE INDEX rollup_authors_period ON rollup_authors (kind, start);

CREATE TABLE rollup_tags (
    kind   char(1) NOT NULL,
    start  date NOT NULL,
    topics text[] NOT NULL,
    tag    text NOT NULL,
    posts  integer NOT NULL
);
CREATE INDEX rollup_tags_period ON rollup_tags (kind, start);

CREATE TABLE rollup_terms (
    kind   char(1) NOT NULL,
    start  date NOT NULL,
    topics text[] NOT NULL,
    term   text NOT NULL,
    posts  integer NOT NULL
);
CREATE INDEX rollup_terms_period ON rollup_terms (kind, start);

CREATE FUNCTION rollup_mark_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rollup_dirty (day)
    SELECT DISTINCT (posted_at AT TIME ZONE 'UTC')::date FROM changed
    ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET version = rollup_dirty.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER mentions_rollup_insert AFTER INSERT ON mentions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_mentions();
CREATE TRIGGER mentions_rollup_delete AFTER DELETE ON mentions
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_mentions();
CREATE TRIGGER mentions_rollup_update AFTER UPDATE ON mentions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_mentions();

-- A post's text or author changing (anonymisation, erasure) changes its words, tags and author.
CREATE FUNCTION rollup_mark_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rollup_dirty (day)
    SELECT DISTINCT (m.posted_at AT TIME ZONE 'UTC')::date
    FROM changed c JOIN mentions m ON m.post_id = c.id
    ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET version = rollup_dirty.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER posts_rollup_update AFTER UPDATE ON posts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_posts();

-- Mentions already stored before this migration get their days computed by the refresher.
INSERT INTO rollup_dirty (day)
SELECT DISTINCT (posted_at AT TIME ZONE 'UTC')::date FROM mentions;
