package dev.outpost.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only aggregates over stored mentions for dashboards, and full-text search over the archive.
 * Every figure counts stored mentions (one per post and topic) unless said otherwise.
 */
public interface Analytics {

  /** The first and last post time of any stored mention, when there is one. */
  Optional<Span> span();

  /**
   * Mentions per time bucket and topic, split by sentiment; buckets without mentions are absent.
   */
  List<VolumePoint> volume(Filter filter, Interval interval);

  /** Mentions per topic of the filter (every topic when the filter names none), most first. */
  List<TopicShare> shareOfVoice(Filter filter);

  /** Authors of the filtered mentions, by number of distinct posts or by influence. */
  List<AuthorStat> topAuthors(Filter filter, AuthorOrder order, int limit);

  /** Hashtags (lower case, without '#') by number of distinct posts carrying them. */
  List<TermCount> topHashtags(Filter filter, int limit);

  /** Words (lower case, no stop words, no handles, tags or links) by number of distinct posts. */
  List<TermCount> topTerms(Filter filter, int limit);

  /** Stored mentions whose post text matches a web-search style query, newest first. */
  List<Mention> search(Search search);

  /** Time bucket size of a volume series. */
  enum Interval {
    HOUR,
    DAY
  }

  /** How top authors are ranked. */
  enum AuthorOrder {
    VOLUME,
    INFLUENCE
  }

  /** A closed-open time range {@code [from, to)}. */
  record Span(Instant from, Instant to) {
    public Span {
      Objects.requireNonNull(from, "span from");
      Objects.requireNonNull(to, "span to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "span ends (" + to + ") before it starts (" + from + ")");
      }
    }
  }

  /**
   * Which mentions an aggregate counts.
   *
   * @param span the post-time range
   * @param topicIds the topics counted; empty means every topic
   */
  record Filter(Span span, List<String> topicIds) {
    public Filter {
      Objects.requireNonNull(span, "filter span");
      topicIds = List.copyOf(topicIds);
    }
  }

  /**
   * A full-text search with optional facets; an empty query matches every post.
   *
   * @param query web-search syntax: words, "quoted phrases", or, -excluded
   * @param span the post-time range, when limited
   * @param tag only mentions carrying this tag (see {@link MentionTags})
   */
  record Search(
      String query,
      Optional<Span> span,
      List<String> topicIds,
      Optional<String> network,
      Optional<String> sentiment,
      Optional<String> intent,
      Optional<String> language,
      Optional<String> tag,
      int limit) {
    public Search {
      Objects.requireNonNull(query, "search query");
      topicIds = List.copyOf(topicIds);
      if (limit < 1 || limit > 1_000) {
        throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
      }
    }

    /** A search that does not filter by tag. */
    public Search(
        String query,
        Optional<Span> span,
        List<String> topicIds,
        Optional<String> network,
        Optional<String> sentiment,
        Optional<String> intent,
        Optional<String> language,
        int limit) {
      this(query, span, topicIds, network, sentiment, intent, language, Optional.empty(), limit);
    }
  }

  /** Mentions of one topic in one bucket; {@code unknown} where enrichment did not run. */
  record VolumePoint(
      Instant bucket, String topicId, long negative, long neutral, long positive, long unknown) {
    public long total() {
      return negative + neutral + positive + unknown;
    }
  }

  /**
   * A topic's mentions and its share of all mentions of the topics counted.
   *
   * @param kind the topic kind in upper case ({@code BRAND}, {@code COMPETITOR}...)
   * @param share between 0 and 1
   */
  record TopicShare(String topicId, String name, String kind, long mentions, double share) {}

  /**
   * An author's posts among the filtered mentions.
   *
   * @param posts distinct posts that produced at least one filtered mention
   * @param influence the highest influence score (0..100) of those posts, 0 where not enriched
   */
  record AuthorStat(
      String network,
      String handle,
      String displayName,
      long followers,
      long posts,
      double influence) {}

  /** A term and the number of distinct posts containing it. */
  record TermCount(String term, long posts) {}
}
