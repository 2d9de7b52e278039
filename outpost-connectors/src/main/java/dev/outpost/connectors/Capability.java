package dev.outpost.connectors;

/** What a connector can do; each capability has its own small interface. */
public enum Capability {
  /** Streams or polls posts from a cursor: {@link dev.outpost.core.Source}. */
  LISTEN,
  /** Receives pushed posts (webhooks): {@link WebhookReceiver}. */
  WEBHOOK,
  /** Answers a post publicly: {@link Replier}. */
  REPLY,
  /** Follows an account: {@link Follower}. */
  FOLLOW,
  /** Sends a private message: {@link DirectMessenger}. */
  DIRECT_MESSAGE,
  /** Publishes a new post: {@link Publisher}. */
  PUBLISH,
  /** Looks an account up by handle: {@link AccountLookup}. */
  ACCOUNT_LOOKUP
}
