package dev.outpost.enrich.influence;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Influence of an author and reach of a post, by a documented formula (docs/enrichment.md):
 *
 * <pre>
 * followers  = clamp(log10(1 + followers) / log10(1 + topFollowers(network)))
 * engagement = clamp(log10(1 + 100 * (likes + 2 reposts + replies) / max(followers, 100)) / 2)
 * verified   = 1 if the network marks the account verified, else 0
 * age        = clamp(account age in years / 5), 0 when unknown
 * spread     = clamp(log10(1 + reposts) / 4)
 * score      = 100 * (0.45 followers + 0.20 engagement + 0.15 verified + 0.10 age + 0.10 spread)
 * influencer = score >= 60 or followers >= influencerFollowers(network)
 * reach      = max(views, followers * organicReach(network) + reposts * reachPerRepost(network))
 * virality   = (likes + 2 reposts + replies) / max(hours since published, 0.25)
 * </pre>
 *
 * Thread-safe; time comes from the injected clock.
 */
public final class InfluenceScorer {
  static final double INFLUENCER_SCORE = 60;

  /** Reach is capped here (about 10^15), far above any audience. */
  private static final double MAX_REACH = 1e15;

  private final Clock clock;
  private final Map<String, NetworkProfile> profiles;

  public InfluenceScorer(Clock clock, Map<String, NetworkProfile> profiles) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.profiles = Map.copyOf(profiles);
  }

  /** The built-in network profiles. */
  public InfluenceScorer(Clock clock) {
    this(clock, NetworkProfile.DEFAULTS);
  }

  public Influence score(Post post) {
    Author a = post.author();
    Metrics m = post.metrics();
    NetworkProfile p = profiles.getOrDefault(post.network(), NetworkProfile.GENERIC);
    double followers =
        clamp(Math.log10(1 + (double) a.followers()) / Math.log10(1 + (double) p.topFollowers()));
    double weighted = (double) m.likes() + 2.0 * m.reposts() + m.replies();
    double rate = weighted / Math.max(a.followers(), 100);
    double engagement = clamp(Math.log10(1 + 100 * rate) / 2);
    double verified = a.verified() ? 1 : 0;
    Instant now = clock.instant();
    double age =
        a.createdAt()
            .map(c -> clamp(Math.max(0.0, (double) Duration.between(c, now).toDays()) / 365.25 / 5))
            .orElse(0.0);
    double spread = clamp(Math.log10(1 + (double) m.reposts()) / 4);
    double score =
        100 * (0.45 * followers + 0.20 * engagement + 0.15 * verified + 0.10 * age + 0.10 * spread);
    score = Math.min(100, Math.max(0, score));
    boolean influencer = score >= INFLUENCER_SCORE || a.followers() >= p.influencerFollowers();
    double organic = a.followers() * p.organicReach() + (double) m.reposts() * p.reachPerRepost();
    long reach = (long) Math.min(MAX_REACH, Math.max((double) m.views(), Math.rint(organic)));
    double hours = Duration.between(post.createdAt(), now).toMillis() / 3_600_000.0;
    double virality = weighted / Math.max(hours, 0.25);
    return new Influence(score, influencer, reach, virality);
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.min(1, Math.max(0, v));
  }
}
