package dev.outpost.app;

import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.core.Topics;
import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import java.util.List;

/** Topics saved in the store and matched by the running engine, kept in step. */
final class LiveTopics implements Topics {
  private final Store store;
  private final QueryEngine engine;
  private final Changes changes;

  /** Told of every saved or deleted topic (cluster mode broadcasts them to every worker). */
  interface Changes {
    Changes NONE =
        new Changes() {
          @Override
          public void saved(Topic topic) {}

          @Override
          public void deleted(String topicId) {}
        };

    void saved(Topic topic);

    void deleted(String topicId);
  }

  LiveTopics(Store store, QueryEngine engine) {
    this(store, engine, Changes.NONE);
  }

  LiveTopics(Store store, QueryEngine engine, Changes changes) {
    this.store = store;
    this.engine = engine;
    this.changes = changes;
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
      changes.saved(topic);
    }
    return validation;
  }

  @Override
  public synchronized boolean delete(String id) {
    boolean deleted = store.deleteTopic(id);
    engine.remove(id);
    changes.deleted(id);
    return deleted;
  }
}
