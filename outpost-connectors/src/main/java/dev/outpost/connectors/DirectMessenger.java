package dev.outpost.connectors;

/** Sends a private message to an account. */
public interface DirectMessenger {
  ActionResult sendDirect(String handle, String text, String idempotencyKey)
      throws InterruptedException;
}
