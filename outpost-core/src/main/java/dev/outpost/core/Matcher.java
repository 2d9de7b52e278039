package dev.outpost.core;

import java.util.Set;

/** Matches a post against the saved queries. Implementations are safe for concurrent use. */
@FunctionalInterface
public interface Matcher {
  /** The ids of the topics whose queries match the post; empty when none does. */
  Set<String> match(Post post);
}
