package dev.outpost.core;

import java.util.List;
import java.util.Optional;

/**
 * Managing the saved queries while Outpost runs: a saved topic is matched from the next post on,
 * without pausing ingestion; an invalid query is refused with the column at fault and changes
 * nothing.
 */
public interface Topics {
  List<Topic> all();

  /** Checks a query without saving anything. */
  QueryValidation check(String query);

  /** Creates or replaces a topic by id; refused (and nothing changed) when its query is invalid. */
  QueryValidation save(Topic topic);

  /** Deletes a topic and its mentions; false when there was no such topic. */
  boolean delete(String id);

  /**
   * Runs a query, without saving it, over the posts heard most recently (matched by a saved topic
   * or not), newest first: what the query would have caught.
   *
   * @param limit the most matching posts to return
   */
  Preview preview(String query, int limit);

  /**
   * What a query catches among recent posts.
   *
   * @param validation the query's check; when invalid nothing was scanned
   * @param scanned how many recent posts were looked at
   * @param matched how many of them the query matches (may exceed {@code posts.size()})
   * @param posts the newest matching posts, at most the limit asked for
   */
  record Preview(QueryValidation validation, int scanned, int matched, List<Post> posts) {
    public Preview {
      posts = List.copyOf(posts);
    }
  }

  /**
   * The result of checking a query.
   *
   * @param normalised the query as Outpost reads it, when valid
   * @param column the 1-based column of the first error, 0 when valid
   * @param message what is wrong, empty when valid
   */
  record QueryValidation(Optional<String> normalised, int column, String message) {
    public static QueryValidation valid(String normalised) {
      return new QueryValidation(Optional.of(normalised), 0, "");
    }

    public static QueryValidation error(int column, String message) {
      return new QueryValidation(Optional.empty(), column, message);
    }

    public boolean ok() {
      return normalised.isPresent();
    }
  }
}
