package dev.outpost.connectors;

/** Publishes a new post. */
public interface Publisher {
  ActionResult publish(String text, String idempotencyKey) throws InterruptedException;
}
