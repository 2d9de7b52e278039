package dev.outpost.web;

import java.util.List;

/**
 * What the stream page shows: per-topic counts, the filters and the mentions (the latest, or the
 * search results when filtered).
 *
 * @param topics the topics with their mention counts, brand first
 * @param total mentions stored over all topics
 * @param mentions the newest mentions first
 */
public record IndexPage(
    List<TopicCount> topics, long total, List<MentionView> mentions, Filters filters) {

  /**
   * A topic, its kind in lower case ({@code brand}, {@code competitor}...) and its mention count.
   */
  public record TopicCount(String id, String name, String kind, long count) {}

  /** The filter form's values ("" when not set) and whether any is set. */
  public record Filters(
      String q,
      String topic,
      String network,
      String sentiment,
      String intent,
      String language,
      boolean active,
      List<String> sentiments,
      List<String> intents) {}
}
