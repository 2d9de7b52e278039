package dev.outpost.enrich.influence;

import java.util.Map;

/**
 * How one network's numbers compare with another's, so that influence is normalised per network.
 *
 * @param topFollowers a follower count that scores the full follower component (log scale)
 * @param influencerFollowers authors with at least this many followers are influencers
 * @param organicReach the share of followers that see a post when the network gives no view count
 * @param reachPerRepost how many extra accounts one repost reaches
 */
public record NetworkProfile(
    long topFollowers, long influencerFollowers, double organicReach, long reachPerRepost) {

  public NetworkProfile {
    if (topFollowers < 10 || influencerFollowers < 1) {
      throw new IllegalArgumentException("follower thresholds must be positive");
    }
    if (!(organicReach > 0 && organicReach <= 1) || reachPerRepost < 0) {
      throw new IllegalArgumentException("organic reach must be in (0, 1], reach per repost >= 0");
    }
  }

  /** For networks without a profile of their own. */
  public static final NetworkProfile GENERIC = new NetworkProfile(1_000_000, 50_000, 0.10, 150);

  /** Built-in profiles; large networks need more followers for the same score. */
  public static final Map<String, NetworkProfile> DEFAULTS =
      Map.of(
          "x", new NetworkProfile(10_000_000, 100_000, 0.05, 300),
          "bluesky", new NetworkProfile(1_000_000, 30_000, 0.15, 150),
          "mastodon", new NetworkProfile(100_000, 5_000, 0.20, 60),
          "reddit", new NetworkProfile(1_000_000, 50_000, 0.05, 0),
          "youtube", new NetworkProfile(10_000_000, 100_000, 0.10, 100),
          "facebook", new NetworkProfile(10_000_000, 100_000, 0.05, 200),
          "hackernews", new NetworkProfile(100_000, 10_000, 0.10, 0),
          "rss", new NetworkProfile(100_000, 10_000, 0.10, 0));
}
