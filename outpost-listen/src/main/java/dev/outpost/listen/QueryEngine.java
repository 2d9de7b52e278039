package dev.outpost.listen;

import dev.outpost.core.Matcher;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Matches posts against the topics' saved queries, written in Outpost's query language (see {@code
 * docs/queries.md}).
 *
 * <p>Each query is parsed (errors carry a column) into a tree that compiles to the Lucene query
 * that Lucene Monitor would run ({@link MonitorBaseline} runs exactly those), and is indexed by its
 * anchors: tokens at least one of which a matching post must contain. For each post the engine
 * analyses the text once, looks its tokens up in the anchor index, drops candidates whose other
 * required tokens are missing, and evaluates the survivors: terms, phrases, wildcards, ranges and
 * simple proximity directly on the post's tokens, the rest with the compiled Lucene query on a
 * one-post {@code MemoryIndex}. The results equal plain Monitor's; the tests check this on real
 * posts.
 *
 * <p>{@link #match} is safe from any number of threads while {@link #put} and {@link #remove} run;
 * a post matched during a change sees the old or the new version of that topic.
 */
public final class QueryEngine implements Matcher {
  private final Map<String, Compiled> topics = new ConcurrentHashMap<>();
  private final Prefilter prefilter = new Prefilter();
  private final AtomicLong failures = new AtomicLong();

  public QueryEngine() {}

  /** Parses a query and returns its normalised form, or the column and reason of its error. */
  public static QueryCheck check(String expr) {
    try {
      return QueryCheck.valid(Render.render(Parser.parse(expr)));
    } catch (QueryException e) {
      return QueryCheck.invalid(e);
    }
  }

  /**
   * Adds a topic, or replaces the topic with the same id.
   *
   * @throws QueryException when the topic's query is invalid; other topics are not touched
   */
  public void put(Topic topic) {
    Compiled c = compile(topic);
    synchronized (this) {
      prefilter.add(c);
      Compiled old = topics.put(topic.id(), c);
      if (old != null) {
        prefilter.remove(old);
      }
    }
  }

  /** Adds or replaces several topics; stops at the first invalid one, keeping those before it. */
  public void putAll(Collection<Topic> all) {
    for (Topic t : all) {
      put(t);
    }
  }

  public void remove(String topicId) {
    synchronized (this) {
      Compiled old = topics.remove(topicId);
      if (old != null) {
        prefilter.remove(old);
      }
    }
  }

  /** How many topics are registered. */
  public int size() {
    return topics.size();
  }

  /** How many times a query failed while running against a post (the post skipped it). */
  public long failures() {
    return failures.get();
  }

  @Override
  public Set<String> match(Post post) {
    PostView view = new PostView(PostDocument.of(post));
    List<Compiled> candidates = prefilter.candidates(view);
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<String> matched = new HashSet<>();
    for (Compiled c : candidates) {
      if (!matched.contains(c.topicId) && matches(view, c)) {
        matched.add(c.topicId);
      }
    }
    return matched;
  }

  /** Matches many posts on all cores; the result lists each post's topics in input order. */
  public List<Set<String>> matchAll(List<Post> posts) {
    return posts.parallelStream().map(this::match).toList();
  }

  private boolean matches(PostView view, Compiled c) {
    try {
      return c.eval.test(view);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      return false;
    }
  }

  /** Parses a topic's query for the engine: its anchors and its evaluation tree. */
  static Compiled compile(Topic topic) {
    Node node = Parser.parse(topic.query());
    return new Compiled(topic.id(), Eval.of(node), Anchors.of(node));
  }

  /** The Lucene query of a topic, as plain Monitor runs it. */
  static Query luceneQuery(Topic topic) {
    Node node = Parser.parse(topic.query());
    try {
      return Compiler.compile(node);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(1, "query too large: at most 1024 terms in one group");
    }
  }
}
