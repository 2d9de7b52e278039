package dev.outpost.care.broadcast;

import java.util.Locale;

/**
 * How a broadcast is fitted to one channel.
 *
 * @param name the outbox channel name (the connection's name, or a webhook or e-mail list's)
 * @param network the network whose authors it can answer ({@code mastodon}, {@code x}...), or
 *     {@code webhook} / {@code email}
 * @param maxGraphemes the longest post, in user-perceived characters (grapheme clusters)
 * @param threads whether a long message becomes a thread of posts and updates continue that thread;
 *     otherwise a long message is cut with a link to the full text on the status page
 * @param followUps whether updates are posted as replies to the announcement (threads and
 *     comments); false for channels where each message stands alone (webhooks, e-mail)
 * @param replies whether authors on {@code network} can be answered through it
 */
public record ChannelProfile(
    String name,
    String network,
    int maxGraphemes,
    boolean threads,
    boolean followUps,
    boolean replies) {

  /** A post without a limit of its own (webhooks, e-mail), bounded by the message length. */
  public static final int UNLIMITED = 100_000;

  public ChannelProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a broadcast channel needs a name");
    }
    if (network == null || network.isBlank()) {
      throw new IllegalArgumentException("broadcast channel '" + name + "' needs a network");
    }
    if (maxGraphemes < 40) {
      throw new IllegalArgumentException(
          "broadcast channel '" + name + "': maxGraphemes must be >= 40, was " + maxGraphemes);
    }
  }

  /**
   * The usual profile of a connector type or channel kind: Mastodon 500 and Bluesky 300 and X 280
   * graphemes with threads; Reddit and Facebook pages long posts with comments; webhooks and e-mail
   * the whole text.
   */
  public static ChannelProfile of(String name, String type) {
    String t = type.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "mastodon" -> new ChannelProfile(name, t, 500, true, true, true);
      case "bluesky" -> new ChannelProfile(name, t, 300, true, true, true);
      case "x" -> new ChannelProfile(name, t, 280, true, true, true);
      case "reddit" -> new ChannelProfile(name, t, 10_000, false, true, true);
      case "facebook" -> new ChannelProfile(name, t, 63_206, false, true, true);
      case "webhook", "email" -> new ChannelProfile(name, t, UNLIMITED, false, false, false);
      default -> new ChannelProfile(name, t, 500, false, false, false);
    };
  }

  /** The same channel without threads: one post, cut with a link when too long (for answers). */
  public ChannelProfile withoutThreads() {
    return new ChannelProfile(name, network, maxGraphemes, false, followUps, replies);
  }
}
