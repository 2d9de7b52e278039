package dev.outpost.listen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One post while it is being matched: its tokens, its token keys for constant-time lookups, and,
 * built only when a query needs positions, a one-post Lucene index.
 */
final class PostView {
  final PostDocument doc;

  /** {@code field + token} for every token of every field. */
  final Set<String> keys = new HashSet<>();

  private Set<String> prefixKeys;
  private IndexSearcher searcher;

  PostView(PostDocument doc) {
    this.doc = doc;
    for (Field f : Field.values()) {
      for (String token : doc.tokens(f)) {
        keys.add(Prefilter.key(f, token));
      }
    }
  }

  List<String> tokens(Field field) {
    return doc.tokens(field);
  }

  /** {@code field + prefix} for every token prefix of 2 to {@link Anchors#MAX_PREFIX} chars. */
  Set<String> prefixKeys() {
    if (prefixKeys == null) {
      prefixKeys = new HashSet<>();
      for (Field f : Field.values()) {
        for (String token : doc.tokens(f)) {
          String key = Prefilter.key(f, token);
          for (int len = 2; len <= Math.min(Anchors.MAX_PREFIX, token.length()); len++) {
            prefixKeys.add(key.substring(0, len + 1));
          }
        }
      }
    }
    return prefixKeys;
  }

  /** Runs a Lucene query against this post. */
  boolean matches(Query query) {
    if (searcher == null) {
      searcher = doc.memoryIndex().createSearcher();
      searcher.setQueryCache(null);
    }
    try {
      return searcher.count(query) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
