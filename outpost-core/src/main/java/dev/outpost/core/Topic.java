package dev.outpost.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named saved query: a brand, product, competitor or campaign that Outpost listens for.
 *
 * @param id a stable slug such as {@code united}, used in URLs and the API
 * @param name the name people see
 * @param kind what the topic stands for
 * @param query the saved query in Outpost's query language
 */
public record Topic(String id, String name, TopicKind kind, String query) {
  /** The longest query a topic may have, in characters. */
  public static final int MAX_QUERY = 10_000;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Topic {
    Validate.notBlank("topic id", id);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "topic id must be a slug of lower-case letters, digits, '-' or '_' (at most 64), was '"
              + id
              + "'");
    }
    name = Validate.maxLength("topic name", Validate.notBlank("topic name", name).strip(), 200);
    Objects.requireNonNull(kind, "topic kind");
    query = Validate.maxLength("topic query", Validate.notBlank("topic query", query), MAX_QUERY);
  }
}
