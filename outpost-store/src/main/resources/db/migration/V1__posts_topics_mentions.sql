-- Outpost's first schema: topics (saved queries), authors, posts, mentions and source checkpoints.
-- A post is identified by (network, external_id): storing it twice is a no-op.

CREATE TABLE topics (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('BRAND', 'PRODUCT', 'COMPETITOR', 'CAMPAIGN')),
    query      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE authors (
    id           bigserial PRIMARY KEY,
    network      text NOT NULL,
    handle       text NOT NULL,
    display_name text NOT NULL,
    followers    bigint NOT NULL DEFAULT 0 CHECK (followers >= 0),
    verified     boolean NOT NULL DEFAULT false,
    created_at   timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (network, handle)
);

CREATE TABLE posts (
    id          bigserial PRIMARY KEY,
    network     text NOT NULL,
    external_id text NOT NULL,
    author_id   bigint NOT NULL REFERENCES authors (id),
    text        text NOT NULL,
    language    text NOT NULL,
    created_at  timestamptz NOT NULL,
    url         text,
    reply_to    text,
    likes       bigint NOT NULL DEFAULT 0,
    reposts     bigint NOT NULL DEFAULT 0,
    replies     bigint NOT NULL DEFAULT 0,
    views       bigint NOT NULL DEFAULT 0,
    source      text NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (network, external_id)
);

CREATE INDEX posts_author ON posts (author_id);

CREATE TABLE mentions (
    id         bigserial PRIMARY KEY,
    post_id    bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    topic_id   text NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    posted_at  timestamptz NOT NULL,
    matched_at timestamptz NOT NULL,
    UNIQUE (post_id, topic_id)
);

CREATE INDEX mentions_topic_posted ON mentions (topic_id, posted_at DESC);

CREATE TABLE checkpoints (
    source     text PRIMARY KEY,
    cursor     text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
