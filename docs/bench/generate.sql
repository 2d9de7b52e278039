-- Scales the stored demo data for dashboard timings: every post of the demo replay is copied
-- :copies times, each copy :step later than the one before (same text, author and topics), with
-- its mentions. Run against the demo's embedded PostgreSQL once the replay is stored, e.g.
--   PGPASSWORD=$(cat DATA_DIR/postgres/password) psql -h 127.0.0.1 -p PORT -U outpost outpost \
--     -v copies=66 -v step='7 days' -f docs/bench/generate.sql
\timing on
BEGIN;
INSERT INTO posts (network, external_id, author_id, text, language, created_at, url, reply_to,
                   likes, reposts, replies, views, source, sentiment, sentiment_scores, intents,
                   influence, influencer, reach, virality, text_truncated)
SELECT p.network, p.external_id || '~g' || k, p.author_id, p.text, p.language,
       p.created_at + k * :'step'::interval, p.url, p.reply_to, p.likes, p.reposts, p.replies,
       p.views, 'generated', p.sentiment, p.sentiment_scores, p.intents, p.influence,
       p.influencer, p.reach, p.virality, p.text_truncated
FROM posts p CROSS JOIN generate_series(1, :copies) AS k
WHERE p.source <> 'generated';
INSERT INTO mentions (post_id, topic_id, posted_at, matched_at, sentiment)
SELECT g.id, m.topic_id, m.posted_at + k * :'step'::interval, m.matched_at, m.sentiment
FROM mentions m
JOIN posts o ON o.id = m.post_id AND o.source <> 'generated'
CROSS JOIN generate_series(1, :copies) AS k
JOIN posts g ON g.network = o.network AND g.external_id = o.external_id || '~g' || k;
COMMIT;
ANALYZE posts;
ANALYZE mentions;
SELECT count(*) AS mentions, min(posted_at), max(posted_at) FROM mentions;
