package dev.outpost.listen;

import dev.outpost.core.Matcher;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;

/**
 * The same queries, compiled the same way, on a plain Lucene {@link Monitor} with its default
 * presearcher: the reference that {@link QueryEngine} must agree with, and the baseline of {@code
 * outpost bench match}. Not for production use.
 */
public final class MonitorBaseline implements Matcher, AutoCloseable {
  private final Monitor monitor;

  public MonitorBaseline() {
    try {
      monitor = new Monitor(PostDocument.ANALYZER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers topics in one batch. @throws QueryException for the first invalid query */
  public void putAll(Collection<Topic> topics) {
    List<MonitorQuery> queries = new ArrayList<>();
    for (Topic t : topics) {
      queries.add(new MonitorQuery(t.id(), QueryEngine.luceneQuery(t)));
    }
    try {
      monitor.register(queries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void put(Topic topic) {
    putAll(List.of(topic));
  }

  public void remove(String topicId) {
    try {
      monitor.deleteById(topicId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> match(Post post) {
    try {
      MatchingQueries<QueryMatch> result =
          monitor.match(PostDocument.of(post).document(), QueryMatch.SIMPLE_MATCHER);
      if (!result.getErrors().isEmpty()) {
        throw new IllegalStateException("queries failed: " + result.getErrors().keySet());
      }
      Set<String> ids = new TreeSet<>();
      for (QueryMatch m : result.getMatches()) {
        ids.add(m.getQueryId());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
