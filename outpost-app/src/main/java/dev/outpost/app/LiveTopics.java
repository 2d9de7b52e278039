package dev.outpost.app;

import dev.outpost.core.Post;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.core.Topics;
import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import java.util.ArrayList;
import java.util.List;

/** Topics saved in the store and matched by the running engine, kept in step. */
final class LiveTopics implements Topics {
  private final Store store;
  private final QueryEngine engine;
  private final RecentPosts recent;

  LiveTopics(Store store, QueryEngine engine, RecentPosts recent) {
    this.store = store;
    this.engine = engine;
    this.recent = recent;
  }

  @Override
  public List<Topic> all() {
    return store.topics();
  }

  @Override
  public QueryValidation check(String query) {
    QueryCheck check = QueryEngine.check(query);
    return check.ok()
        ? QueryValidation.valid(check.normalised())
        : QueryValidation.error(check.column(), check.message());
  }

  @Override
  public synchronized QueryValidation save(Topic topic) {
    QueryValidation validation = check(topic.query());
    if (validation.ok()) {
      store.saveTopics(List.of(topic));
      engine.put(topic);
    }
    return validation;
  }

  @Override
  public synchronized boolean delete(String id) {
    boolean deleted = store.deleteTopic(id);
    engine.remove(id);
    return deleted;
  }

  @Override
  public Preview preview(String query, int limit) {
    QueryValidation validation = check(query);
    if (!validation.ok()) {
      return new Preview(validation, 0, 0, List.of());
    }
    QueryEngine trial = new QueryEngine();
    trial.put(new Topic("preview", "preview", dev.outpost.core.TopicKind.BRAND, query));
    List<Post> posts = recent.newestFirst();
    List<Post> found = new ArrayList<>();
    for (Post p : posts) {
      if (!trial.match(p).isEmpty()) {
        found.add(p);
      }
    }
    // posts of one batch are matched in parallel, so arrival order is not post order
    found.sort(
        java.util.Comparator.comparing(Post::createdAt)
            .reversed()
            .thenComparing(Post::externalId, java.util.Comparator.reverseOrder()));
    return new Preview(
        validation, posts.size(), found.size(), found.subList(0, Math.min(limit, found.size())));
  }
}
