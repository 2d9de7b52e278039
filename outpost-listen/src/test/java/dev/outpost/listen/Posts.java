package dev.outpost.listen;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Builds posts for tests. */
final class Posts {
  private static final AtomicLong IDS = new AtomicLong();

  private Posts() {}

  static Post post(String text) {
    return post(text, "x", "someone", "en", 10, false);
  }

  static Post post(
      String text, String network, String handle, String lang, long followers, boolean verified) {
    Author author = new Author(network, handle, handle, followers, verified, Optional.empty());
    return new Post(
        network,
        Long.toString(IDS.incrementAndGet()),
        author,
        text,
        lang,
        Instant.parse("2015-02-24T11:35:52Z"),
        Optional.empty(),
        Optional.empty(),
        Metrics.NONE);
  }
}
