package dev.outpost.detect;

import dev.outpost.core.Alert;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.detect.DetectorConfig.Viral;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Finds posts whose engagement grows unusually fast for their author's size. Engagement is {@code 3
 * reposts + 2 replies + likes}; its velocity (per hour) is taken between the two latest snapshots
 * at least a minute apart, or over the post's age when it was seen once. The expected velocity for
 * an author with F followers is {@code 2 + F / 1000} per hour. The score is velocity over
 * expectation, times a boost for negative posts and one for influencers (verified or many
 * followers). A post alerts once (then updates when its velocity doubles) and its thread closes
 * when it is forgotten after the horizon.
 */
final class ViralDetector {
  private static final Duration MIN_GAP = Duration.ofMinutes(1);
  private static final Duration MIN_AGE = Duration.ofMinutes(15);

  private final Viral cfg;
  private final AlertListener out;
  private final Map<String, Tracked> posts = new HashMap<>();

  private static final class Tracked {
    final Instant firstSeen;
    Instant prevAt;
    long prevEngagement;
    Instant lastAt;
    long lastEngagement;
    boolean alerted;
    double reportedVelocity;
    String threadId = "";

    Tracked(Instant at, long engagement) {
      firstSeen = at;
      prevAt = at;
      lastAt = at;
      prevEngagement = engagement;
      lastEngagement = engagement;
    }
  }

  ViralDetector(Viral cfg, AlertListener out) {
    this.cfg = cfg;
    this.out = out;
  }

  static long engagement(Metrics m) {
    return 3 * m.reposts() + 2 * m.replies() + m.likes();
  }

  void observe(Post post, Sentiment sentiment, Instant now) {
    long e = engagement(post.metrics());
    Tracked t = posts.get(post.key());
    double velocity;
    if (t == null) {
      t = new Tracked(now, e);
      posts.put(post.key(), t);
      Duration age = Duration.between(post.createdAt(), now);
      velocity = e / hours(age.compareTo(MIN_AGE) < 0 ? MIN_AGE : age);
    } else {
      if (Duration.between(t.lastAt, now).compareTo(MIN_GAP) >= 0) {
        t.prevAt = t.lastAt;
        t.prevEngagement = t.lastEngagement;
      }
      t.lastAt = now;
      t.lastEngagement = Math.max(e, t.lastEngagement);
      Duration gap = Duration.between(t.prevAt, t.lastAt);
      velocity =
          gap.compareTo(MIN_GAP) < 0 ? 0 : (t.lastEngagement - t.prevEngagement) / hours(gap);
    }
    double expected = 2 + post.author().followers() / 1000.0;
    boolean influencer =
        post.author().verified() || post.author().followers() >= cfg.influencerFollowers();
    double score =
        velocity
            / expected
            * (sentiment == Sentiment.NEGATIVE ? cfg.negativeBoost() : 1.0)
            * (influencer ? cfg.influencerBoost() : 1.0);
    if (score < cfg.threshold() || e < cfg.minEngagement()) {
      return;
    }
    Alert.Phase phase;
    if (!t.alerted) {
      t.alerted = true;
      t.threadId = "viral_post:" + post.key();
      phase = Alert.Phase.OPENED;
    } else if (velocity >= 2 * t.reportedVelocity) {
      phase = Alert.Phase.UPDATED;
    } else {
      return;
    }
    t.reportedVelocity = velocity;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("score", String.format(Locale.ROOT, "%.1f", score));
    details.put("engagement", Long.toString(e));
    details.put("followers", Long.toString(post.author().followers()));
    details.put("influencer", Boolean.toString(influencer));
    details.put("sentiment", sentiment.id());
    details.put("author", post.author().handle());
    out.alert(
        new Alert(
            t.threadId,
            Alert.Kind.VIRAL_POST,
            phase,
            score >= 3 * cfg.threshold() ? Alert.Severity.CRITICAL : Alert.Severity.WARNING,
            post.key(),
            now,
            velocity,
            expected,
            String.format(
                Locale.ROOT,
                "viral post by @%s: %.0f engagement/h, expected %.1f for %d followers",
                post.author().handle(),
                velocity,
                expected,
                post.author().followers()),
            post.url().orElse("/api/v1/posts/" + post.key()),
            details));
  }

  void expire(Instant now) {
    posts
        .entrySet()
        .removeIf(
            entry -> {
              Tracked t = entry.getValue();
              if (t.firstSeen.plus(cfg.horizon()).isAfter(now)) {
                return false;
              }
              if (t.alerted) {
                out.alert(
                    new Alert(
                        t.threadId,
                        Alert.Kind.VIRAL_POST,
                        Alert.Phase.CLOSED,
                        Alert.Severity.INFO,
                        entry.getKey(),
                        now,
                        t.lastEngagement,
                        0,
                        "viral post " + entry.getKey() + " no longer tracked",
                        "/api/v1/posts/" + entry.getKey(),
                        Map.of()));
              }
              return true;
            });
  }

  private static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
