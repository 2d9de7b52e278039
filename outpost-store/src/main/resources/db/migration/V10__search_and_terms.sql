-- Full-text search over stored post texts (English stemming, as websearch_to_tsquery('english')),
-- and a text search configuration for dashboards' top terms: lower-cased words without stemming,
-- English stop words removed, numbers, links, e-mail addresses and hosts dropped.

CREATE INDEX posts_text_search ON posts USING gin (to_tsvector('english', text));

CREATE TEXT SEARCH DICTIONARY outpost_terms_dict (TEMPLATE = pg_catalog.simple, STOPWORDS = english);

CREATE TEXT SEARCH CONFIGURATION outpost_terms (COPY = pg_catalog.simple);

ALTER TEXT SEARCH CONFIGURATION outpost_terms
    ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH outpost_terms_dict;

ALTER TEXT SEARCH CONFIGURATION outpost_terms
    DROP MAPPING FOR email, url, url_path, host, file, float, sfloat, int, uint, version,
                     numword, numhword, asciihword, hword;


-- Each post's words for top terms, kept with the post (handles, hashtags and links blanked first),
-- so that dashboards count words without parsing every text again.
ALTER TABLE posts
    ADD COLUMN terms tsvector GENERATED ALWAYS AS (
        to_tsvector('outpost_terms'::regconfig,
                    regexp_replace(text, '[@#][[:alnum:]_]+|https?://[^[:space:]]+', ' ', 'g'))
    ) STORED;
