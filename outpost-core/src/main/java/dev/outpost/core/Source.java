package dev.outpost.core;

import java.util.Optional;

/**
 * Where posts come from: a network connector, a feed, or a replayed file. A source reads from a
 * cursor it defined itself and hands each post over together with the cursor that resumes after it,
 * so that a restart continues exactly where the stored posts end.
 */
public interface Source {
  /** A stable name; the checkpoint is stored under it. */
  String name();

  /**
   * Streams posts, starting after {@code cursor} (from the start when empty), until the source is
   * exhausted or the thread is interrupted.
   *
   * @throws InterruptedException when the pipeline stops
   * @throws Exception when reading fails; the pipeline retries from the last checkpoint
   */
  void stream(Optional<String> cursor, Emitter emitter) throws Exception;

  /** Receives the posts of a source; blocks while the pipeline is full (back-pressure). */
  @FunctionalInterface
  interface Emitter {
    void emit(Post post, String cursorAfter) throws InterruptedException;
  }
}
