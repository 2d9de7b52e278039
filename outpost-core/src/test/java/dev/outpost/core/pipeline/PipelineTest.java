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

  @Test
  void aPoisonPostIsSetAsideAndTheRestOfItsBatchIsStored() throws Exception {
    MemoryStore store = new MemoryStore();
    store.poison.add("x:id-10");
    store.poison.add("x:id-50");
    List<Mention> seen = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline pipeline = pipeline(store, seen)) {
      pipeline.start(new Numbered(100));
      pipeline.awaitDrained();
      assertThat(pipeline.stats().rejected()).isEqualTo(2);
      assertThat(pipeline.stats().lastRejection()).get().asString().contains("id-50");
      assertThat(pipeline.stats().storeFailures()).as("a data error is not retried").isZero();
    }
    assertThat(store.rejected).containsOnlyKeys("x:id-10", "x:id-50");
    assertThat(store.mentionsByKey).hasSize(66 - 2);
    assertThat(store.mentionsByKey.keySet()).noneMatch(k -> k.startsWith("x:id-10/"));
    assertThat(store.checkpoints.get("numbered")).isEqualTo("99");
    List<Integer> history = store.checkpointHistory.stream().map(Integer::parseInt).toList();
    assertThat(history).as("the checkpoint never moves back while a batch is split").isSorted();
  }

  @Test
  void aPostThatBreaksTheMatcherIsSetAsideWithoutStoppingTheLane() throws Exception {
    MemoryStore store = new MemoryStore();
    List<Mention> seen = Collections.synchronizedList(new ArrayList<>());
    try (Pipeline pipeline =
        new Pipeline(
            p -> {
              if (p.externalId().equals("id-7")) {
                throw new IllegalStateException("matcher bug");
              }
              return p.text().contains("@acme") ? Set.of("acme") : Set.of();
            },
            store,
            seen::addAll,
            Clock.systemUTC(),
            new Pipeline.Settings(16, 8))) {
      pipeline.start(new Numbered(100));
      pipeline.awaitDrained();
      assertThat(pipeline.stats().rejected()).isEqualTo(1);
    }
    assertThat(store.rejected).containsOnlyKeys("x:id-7");
    assertThat(store.rejected.get("x:id-7")).contains("matcher bug");
    assertThat(store.mentionsByKey).hasSize(65);
    assertThat(store.checkpoints.get("numbered")).isEqualTo("99");
  }

  @Test
  void lagIsTheAgeOfTheOldestPostNotYetStored() throws Exception {
    MemoryStore store = new MemoryStore();
    store.failNext = Integer.MAX_VALUE;
    MutableClock clock = new MutableClock();
    try (Pipeline pipeline =
        new Pipeline(p -> Set.of("acme"), store, m -> {}, clock, new Pipeline.Settings(16, 8))) {
      pipeline.start(new Numbered(1_000));
      while (pipeline.stats().queued() < 16 || pipeline.stats().storeFailures() == 0) {
        Thread.sleep(10);
      }
      clock.advance(5_000);
      assertThat(pipeline.stats().lagMillis()).isEqualTo(5_000);
      assertThat(pipeline.stats().queueCapacity()).isEqualTo(16);
      long received = pipeline.stats().received();
      assertThat(received).as("one batch at most left the full queue").isBetween(1L, 8L);
      assertThat(pipeline.stats().queued()).as("the reader waits: nothing is shed").isEqualTo(16);
      synchronized (store) {
        store.failNext = 0;
      }
      pipeline.awaitDrained();
      assertThat(pipeline.stats().lagMillis()).isZero();
    }
    assertThat(store.mentionsByKey).hasSize(1_000);
  }

  /** A clock moved by hand. */
  private static final class MutableClock extends Clock {
    private volatile long millis = 1_000_000;

    void advance(long ms) {
      millis += ms;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }
}
