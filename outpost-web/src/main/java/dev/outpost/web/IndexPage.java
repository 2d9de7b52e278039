package dev.outpost.web;

import java.util.List;

/**
 * What the stream page shows: per-topic counts, the filters and the mentions (the latest, or the
 * search results when filtered).
 *
 * @param topics the topics with their mention counts, brand first
 * @param total mentions stored over all topics
 * @param mentions the newest mentions first
 * @param tagging mentions can carry tags (shown, and filtered by)
 * @param mayTag the reader may tag mentions (the bulk actions are shown)
 * @param tags the tags of the mentions shown, by mention id
 */
public record IndexPage(
    List<TopicCount> topics,
    long total,
    List<MentionView> mentions,
    Filters filters,
    boolean tagging,
    boolean mayTag,
    java.util.Map<Long, List<String>> tags) {

  /** The tags of a mention shown, none when it has none. */
  public List<String> tagsOf(long mentionId) {
    return tags.getOrDefault(mentionId, List.of());
  }

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
      String tag,
      boolean active,
      List<String> sentiments,
      List<String> intents) {}
}
