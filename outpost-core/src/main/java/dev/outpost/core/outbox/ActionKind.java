package dev.outpost.core.outbox;

/** What an outbound action does on a channel. */
public enum ActionKind {
  /** A public answer to a post ({@code target}: the post's external id). */
  REPLY,
  /** Follow an account ({@code target}: its handle). */
  FOLLOW,
  /** A private message ({@code target}: the account's handle). */
  DIRECT_MESSAGE,
  /** A new post ({@code target}: empty, or the external id of the thread to continue). */
  PUBLISH,
  /** A notification to people (alert e-mail, webhook, chat): {@code target}: the alert thread. */
  NOTIFY
}
