package dev.outpost.web;

import java.util.List;

/**
 * What the start page shows: per-topic counts and the latest mentions.
 *
 * @param topics the topics with their mention counts, brand first
 * @param total mentions stored over all topics
 * @param mentions the newest mentions first
 */
public record IndexPage(List<TopicCount> topics, long total, List<MentionView> mentions) {

  /**
   * A topic, its kind in lower case ({@code brand}, {@code competitor}...) and its mention count.
   */
  public record TopicCount(String id, String name, String kind, long count) {}
}
