package dev.outpost.core.broadcast;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where broadcasts and their messages are kept. */
public interface BroadcastStore {
  /** A new broadcast whose announcement (sequence 1) is a draft. */
  Broadcast create(
      String title,
      Impact impact,
      List<String> components,
      Optional<String> incidentId,
      String body,
      String author,
      Instant now);

  Optional<Broadcast> find(long id);

  /** The newest broadcasts first. */
  List<Broadcast> recent(int limit);

  /** Adds a draft message after the last one and returns it. */
  Broadcast.Message addMessage(
      long id, Broadcast.Kind kind, String body, String author, Instant now);

  /** Records an approval of a draft; false when the message is not a draft (any more). */
  boolean approve(long id, int seq, String approver, Instant now);

  /**
   * Marks an approved message published (and the broadcast resolved for a resolution); false when
   * it is not approved or already published.
   */
  boolean markPublished(long id, int seq, Instant now);

  /**
   * The latest post of each author since a time, to reply to.
   *
   * @param authors {@code network:handle}
   */
  List<AuthorPost> latestPosts(Collection<String> authors, Instant since);

  /** An author's latest post: what an answer replies to. */
  record AuthorPost(String network, String handle, String externalId) {}
}
