package dev.outpost.app;

import dev.outpost.core.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last posts heard, matched or not, kept in a fixed ring so that a query being written can be
 * tried on them. Adding is one array write; safe for concurrent writers and readers (a reader may
 * miss a post being written, never sees a torn one).
 */
final class RecentPosts {
  private final AtomicReferenceArray<Post> ring;
  private final AtomicLong written = new AtomicLong();

  RecentPosts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    ring = new AtomicReferenceArray<>(capacity);
  }

  void add(Post post) {
    long n = written.getAndIncrement();
    ring.set((int) (n % ring.length()), post);
  }

  /** The posts held, newest first. */
  List<Post> newestFirst() {
    long end = written.get();
    int size = (int) Math.min(end, ring.length());
    List<Post> out = new ArrayList<>(size);
    for (long i = end - 1; i >= end - size; i--) {
      Post p = ring.get((int) (i % ring.length()));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
