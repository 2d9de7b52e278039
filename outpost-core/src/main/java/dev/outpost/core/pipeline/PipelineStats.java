package dev.outpost.core.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of a running pipeline, shared by its lanes. */
public final class PipelineStats {
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final AtomicLong newMentions = new AtomicLong();
  private final AtomicLong storeFailures = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicReference<String> lastRejection = new AtomicReference<>();

  /**
   * @param received posts read from sources
   * @param matched posts that matched at least one topic
   * @param newMentions mentions stored for the first time (duplicates excluded)
   * @param storeFailures failed attempts to store a batch (each retried)
   * @param lastError the last failure, cleared by the next success
   * @param queued posts waiting in the lanes' queues
   * @param queueCapacity how many posts the lanes' queues hold in all before sources must wait
   * @param lagMillis how long the oldest accepted but not yet stored post has waited
   * @param rejected posts set aside as dead letters (they could not be processed or stored)
   * @param lastRejection why the last post was set aside
   */
  public record Snapshot(
      long received,
      long matched,
      long newMentions,
      long storeFailures,
      Optional<String> lastError,
      int queued,
      int queueCapacity,
      long lagMillis,
      long rejected,
      Optional<String> lastRejection) {}

  void received(int n) {
    received.addAndGet(n);
  }

  void matched(int n) {
    matched.addAndGet(n);
  }

  void stored(int n) {
    newMentions.addAndGet(n);
    lastError.set(null);
  }

  void failed(String error) {
    storeFailures.incrementAndGet();
    lastError.set(error);
  }

  void rejected(String reason) {
    rejected.incrementAndGet();
    lastRejection.set(reason);
    lastError.set(null);
  }

  Snapshot snapshot(int queued, int queueCapacity, long lagMillis) {
    return new Snapshot(
        received.get(),
        matched.get(),
        newMentions.get(),
        storeFailures.get(),
        Optional.ofNullable(lastError.get()),
        queued,
        queueCapacity,
        lagMillis,
        rejected.get(),
        Optional.ofNullable(lastRejection.get()));
  }
}
