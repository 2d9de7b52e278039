package dev.outpost.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Author;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static Post post(int i) {
    return new Post(
        "x",
        "id-" + i,
        Author.of("x", "author" + (i % 7)),
        i % 3 == 0 ? "nothing to see" : "@acme post number " + i,
        "en",
        Instant.ofEpochSecond(1_000_000 + i),
        Optional.empty(),
        Optional.empty(),
        null);
  }

  /** Emits posts 0..n-1 after the cursor (the index of the last one emitted). */
  private record Numbered(int n) implements Source {
    @Override
    public String name() {
      return "numbered";
    }

    @Override
    public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
      int from = cursor.map(c -> Integer.parseInt(c) + 1).orElse(0);
      for (int i = from; i < n; i++) {
        emitter.emit(post(i), Integer.toString(i));
      }
    }
  }

  private static Pipeline pipeline(MemoryStore store, List<Mention> seen) {
    return new Pipeline(
        p -> p.text().contains("@acme") ? Set.of("acme") : Set.of(),
        store,
        seen::addAll,
        Clock.systemUTC(),
        new Pipeline.Settings(16, 8));
  }

  @Test
  void storesMatchedPostsOnceAndMovesTheCheckpointInOrder() throws Exception {
    MemoryStore store = new MemoryStore();
    List<Mention> seen = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline pipeline = pipeline(store, seen)) {
      pipeline.start(new Numbered(1_000));
      pipeline.awaitDrained();
      assertThat(pipeline.stats().received()).isEqualTo(1_000);
      assertThat(pipeline.stats().matched()).isEqualTo(666);
    }
    assertThat(store.mentionsByKey).hasSize(666);
    assertThat(seen).hasSize(666);
    assertThat(store.checkpoints.get("numbered")).isEqualTo("999");
    List<Integer> history = store.checkpointHistory.stream().map(Integer::parseInt).toList();
    assertThat(history).isSorted();
  }

  @Test
  void aRestartResumesAfterTheCheckpointAndStoresNothingTwice() throws Exception {
    MemoryStore store = new MemoryStore();
    store.checkpoints.put("numbered", "499");
    List<Mention> seen = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline pipeline = pipeline(store, seen)) {
      pipeline.start(new Numbered(1_000));
      pipeline.awaitDrained();
      assertThat(pipeline.stats().received()).isEqualTo(500);
    }
    try (Pipeline again = pipeline(store, seen)) {
      again.start(new Numbered(1_000));
      again.awaitDrained();
      assertThat(again.stats().received()).isZero();
    }
    assertThat(seen).extracting(m -> m.post().externalId()).doesNotHaveDuplicates();
  }

  @Test
  void aFailingStoreIsRetriedAndNothingIsLost() throws Exception {
    MemoryStore store = new MemoryStore();
    store.failNext = 3;
    List<Mention> seen = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline pipeline = pipeline(store, seen)) {
      pipeline.start(new Numbered(100));
      pipeline.awaitDrained();
      assertThat(pipeline.stats().storeFailures()).isEqualTo(3);
      assertThat(pipeline.stats().lastError()).isEmpty();
    }
    assertThat(store.mentionsByKey).hasSize(66);
    assertThat(store.checkpoints.get("numbered")).isEqualTo("99");
  }
}
