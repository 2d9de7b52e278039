package dev.outpost.core;

/**
 * Works out what a post means and who wrote it (language, sentiment, intents, influence, reach).
 * Implementations are safe for concurrent use and never throw on odd text.
 */
@FunctionalInterface
public interface PostEnricher {
  Enrichment enrich(Post post);
}
