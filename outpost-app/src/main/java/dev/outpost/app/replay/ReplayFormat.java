package dev.outpost.app.replay;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** How rows of a replayed CSV file become posts. */
public enum ReplayFormat {
  /**
   * The Twitter US Airline Sentiment file (Crowdflower, via Kaggle): {@code tweet_id}, {@code
   * name}, {@code text}, {@code retweet_count}, {@code tweet_created} like {@code 2015-02-24
   * 11:35:52 -0800}.
   */
  AIRLINE {
    private static final DateTimeFormatter CREATED =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    @Override
    Post post(CSVRecord row) {
      String id = row.get("tweet_id");
      String handle = row.get("name");
      Instant created = OffsetDateTime.parse(row.get("tweet_created").strip(), CREATED).toInstant();
      long reposts = parseCount(row.get("retweet_count"));
      return new Post(
          "x",
          id,
          Author.of("x", handle),
          Post.truncate(unescapeTwitterEntities(row.get("text"))),
          Post.UNDETERMINED,
          created,
          Optional.of("https://x.com/" + handle + "/status/" + id),
          Optional.empty(),
          new Metrics(0, reposts, 0, 0));
    }
  },

  /**
   * Outpost's own columns: {@code id}, {@code network}, {@code author}, {@code created_at}
   * (ISO-8601), {@code text}, and optionally {@code author_name}, {@code followers}, {@code url}.
   */
  OUTPOST {
    @Override
    Post post(CSVRecord row) {
      String network = row.get("network").strip();
      String handle = row.get("author");
      Author author =
          new Author(
              network,
              handle,
              optional(row, "author_name").orElse(handle),
              optional(row, "followers").map(ReplayFormat::parseCount).orElse(0L),
              false,
              Optional.empty());
      return new Post(
          network,
          row.get("id"),
          author,
          Post.truncate(row.get("text")),
          Post.UNDETERMINED,
          Instant.parse(row.get("created_at").strip()),
          optional(row, "url"),
          Optional.empty(),
          Metrics.NONE);
    }
  };

  /** Converts one row; throws IllegalArgumentException or DateTimeParseException when bad. */
  abstract Post post(CSVRecord row);

  public static ReplayFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "replay format must be 'airline' or 'outpost', was '" + name + "'", e);
    }
  }

  private static Optional<String> optional(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) && !row.get(column).isBlank()
        ? Optional.of(row.get(column).strip())
        : Optional.empty();
  }

  private static long parseCount(String raw) {
    try {
      return raw == null || raw.isBlank() ? 0 : Math.max(0, Long.parseLong(raw.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a count: '" + raw + "'", e);
    }
  }

  /** Twitter's API escapes {@code & < >} in texts; Outpost stores the text as written. */
  static String unescapeTwitterEntities(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  static boolean isBadRow(RuntimeException e) {
    return e instanceof IllegalArgumentException || e instanceof DateTimeParseException;
  }
}
