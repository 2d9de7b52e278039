package dev.outpost.connectors;

/** Follows an account. Following twice is harmless on every network supported. */
public interface Follower {
  ActionResult follow(String handle, String idempotencyKey) throws InterruptedException;
}
