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

  LiveTopics(Store store, QueryEngine engine) {
    this.store = store;
    this.engine = engine;
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
}
