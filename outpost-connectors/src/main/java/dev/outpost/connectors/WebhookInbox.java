package dev.outpost.connectors;

import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Turns a {@link WebhookReceiver} into a {@link Source} for the pipeline: the web server hands each
 * delivery to {@link #accept}; the pipeline streams what was accepted. Deliveries cannot be
 * replayed, so the cursor is only the last post's id; duplicates a sender delivers twice are
 * deduplicated by the store's (network, externalId) key.
 */
public final class WebhookInbox implements Source {
  private final String name;
  private final WebhookReceiver receiver;
  private final BlockingQueue<Post> queue;

  public WebhookInbox(String name, WebhookReceiver receiver, int capacity) {
    this.name = Objects.requireNonNull(name, "name");
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Verifies and queues one delivery.
   *
   * @return how many posts it carried
   * @throws ConnectorException permanent for a bad signature or body (answer 401/400), retriable
   *     when the inbox is full (answer 503 so that the sender retries)
   */
  public int accept(Map<String, String> headers, byte[] body) {
    List<Post> posts = receiver.receive(headers, body);
    if (queue.remainingCapacity() < posts.size()) {
      throw ConnectorException.retriable("webhook inbox full", 503, Optional.empty(), null);
    }
    queue.addAll(posts);
    return posts.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
    while (true) {
      Post p = queue.take();
      emitter.emit(p, p.externalId());
    }
  }
}
