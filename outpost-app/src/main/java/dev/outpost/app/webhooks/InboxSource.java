package dev.outpost.app.webhooks;

import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.WebhookReceiver;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import dev.outpost.store.PostgresWebhookInbox;
import dev.outpost.store.PostgresWebhookInbox.Delivery;
import dev.outpost.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook source as the pipeline runs it: reads the stored deliveries of one source in id order,
 * parses each again and emits its posts with the cursor {@code "<delivery id>:<post index>"}, so a
 * restart resumes exactly after the last stored post, even in the middle of a delivery.
 */
final class InboxSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(InboxSource.class);
  private static final Pattern CURSOR = Pattern.compile("(\\d{1,18}):(\\d{1,9})");
  private static final int BATCH = 100;
  private static final int PRUNE_EVERY = 10;

  private final String name;
  private final WebhookReceiver receiver;
  private final PostgresWebhookInbox inbox;
  private final Semaphore arrived = new Semaphore(0);

  InboxSource(String name, WebhookReceiver receiver, PostgresWebhookInbox inbox) {
    this.name = name;
    this.receiver = receiver;
    this.inbox = inbox;
  }

  @Override
  public String name() {
    return name;
  }

  /** Wakes the reader: a delivery was just stored. */
  void arrived() {
    arrived.release();
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
    long after = 0;
    long partialId = -1;
    int emittedUpTo = -1;
    if (cursor.isPresent()) {
      Matcher m = CURSOR.matcher(cursor.get());
      if (m.matches()) {
        partialId = Long.parseLong(m.group(1));
        emittedUpTo = Integer.parseInt(m.group(2));
        after = partialId - 1;
      } else {
        LOG.warn(
            "source {}: checkpoint is not <id>:<index>; reading the inbox from the start", name);
      }
    }
    int reads = 0;
    while (true) {
      if (reads++ % PRUNE_EVERY == 0) {
        prune();
      }
      List<Delivery> batch = inbox.after(name, after, BATCH);
      if (batch.isEmpty()) {
        arrived.tryAcquire(1, TimeUnit.SECONDS);
        arrived.drainPermits();
        continue;
      }
      for (Delivery d : batch) {
        List<Post> posts;
        try {
          posts = receiver.parse(d.body(), d.receivedAt());
        } catch (ConnectorException e) {
          // Checked when it arrived; only a changed parser can refuse it now.
          LOG.warn("source {}: stored delivery {} skipped: {}", name, d.id(), e.getMessage());
          posts = List.of();
        }
        for (int i = 0; i < posts.size(); i++) {
          if (d.id() == partialId && i <= emittedUpTo) {
            continue;
          }
          emitter.emit(posts.get(i), d.id() + ":" + i);
        }
        after = d.id();
      }
    }
  }

  private void prune() {
    try {
      int n = inbox.pruneBeforeCheckpoint(name);
      if (n > 0) {
        LOG.debug("source {}: {} stored deliveries pruned", name, n);
      }
    } catch (StoreException e) {
      LOG.warn("source {}: {}", name, e.getMessage());
    }
  }
}
