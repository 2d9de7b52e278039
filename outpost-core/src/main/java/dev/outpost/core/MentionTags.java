package dev.outpost.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags put on mentions while triaging ("refund", "press", "irrelevant"), one mention or many at
 * once. Every change is recorded in the audit log with who made it.
 */
public interface MentionTags {
  /** Lower-case letters, digits, {@code -} and {@code _}; 1 to 64 characters. */
  Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** At most this many mentions in one bulk change. */
  int MAX_BULK = 1_000;

  /**
   * Adds and removes tags on the given mentions, in one transaction.
   *
   * @return how many mentions exist among {@code mentionIds} (unknown ids change nothing)
   */
  int change(Collection<Long> mentionIds, List<String> add, List<String> remove, String actor);

  /** The tags of each given mention that has any. */
  Map<Long, List<String>> tagsOf(Collection<Long> mentionIds);

  /** Every tag in use with its number of mentions, most used first. */
  Map<String, Long> counts();

  /** Checks a tag: returns it stripped and lower-cased, or says what is wrong. */
  static String checked(String tag) {
    if (tag == null) {
      throw new IllegalArgumentException("tag is missing");
    }
    String t = tag.strip().toLowerCase(java.util.Locale.ROOT);
    if (!TAG.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "tag '"
              + (t.length() > 70 ? t.substring(0, 70) + "…" : t)
              + "' must be 1-64 lower-case letters, digits, - or _, starting with a letter or digit");
    }
    return t;
  }
}
