package dev.outpost.care.inbox;

import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How urgent a case is, 0 to 100, with the reasons a person reads on the case ("influencer,
 * negative, spreading"). The formula, documented in {@code docs/care.md}:
 *
 * <ul>
 *   <li>severity: the strongest intent (outage 35, churn 30, complaint 25, question 15);
 *   <li>sentiment: negative adds 20 times the classifier's confidence;
 *   <li>influence: the author's influence score (0 to 100) times 0.2; an influencer (or 10,000
 *       followers and more) is named as a reason;
 *   <li>virality: 5 times log10(1 + engagement per hour), at most 15; "spreading" from 10 per hour;
 *   <li>waiting: 2 per hour since the case opened, at most 10, added when the queue is read.
 * </ul>
 *
 * @param score 0 to 100
 * @param reasons why, most important first
 */
public record Priority(int score, List<String> reasons) {
  static final long INFLUENCER_FOLLOWERS = 10_000;

  public Priority {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("priority must be in [0, 100], was " + score);
    }
    reasons = List.copyOf(reasons);
  }

  /** The tiers SLA targets are set for. */
  public enum Tier {
    URGENT,
    HIGH,
    NORMAL
  }

  /** The priority of a post by this author, from what enrichment found (none: only influence). */
  public static Priority of(Author author, Optional<Enrichment> enrichment) {
    double score = 0;
    List<String> reasons = new ArrayList<>();
    boolean influencer =
        author.followers() >= INFLUENCER_FOLLOWERS
            || enrichment.map(Enrichment::influencer).orElse(false);
    if (influencer) {
      reasons.add("influencer");
    }
    if (enrichment.isPresent()) {
      Enrichment e = enrichment.get();
      if (e.sentiment() == Sentiment.NEGATIVE) {
        score += 20 * e.confidence();
        reasons.add("negative");
      }
      int severity = 0;
      String why = null;
      for (Intent i : e.intents()) {
        int s = severity(i);
        if (s > severity) {
          severity = s;
          why = i.label();
        }
      }
      if (why != null) {
        score += severity;
        reasons.add(why);
      }
      score += 0.2 * e.influence();
      score += Math.min(15, 5 * Math.log10(1 + e.virality()));
      if (e.virality() >= 10) {
        reasons.add("spreading");
      }
    } else if (influencer) {
      score += 10;
    }
    return new Priority(clamp(score), reasons);
  }

  static int severity(Intent i) {
    return switch (i) {
      case OUTAGE -> 35;
      case CHURN -> 30;
      case COMPLAINT -> 25;
      case QUESTION -> 15;
      default -> 0;
    };
  }

  /** This priority after a case has waited this long (2 per hour, at most 10). */
  public Priority waited(Duration waiting) {
    long hours = Math.max(0, waiting.toHours());
    if (hours < 1) {
      return this;
    }
    List<String> r = new ArrayList<>(reasons);
    r.add("waiting " + hours + "h");
    return new Priority(clamp(score + Math.min(10, 2.0 * hours)), r);
  }

  public Tier tier() {
    return score >= 60 ? Tier.URGENT : score >= 35 ? Tier.HIGH : Tier.NORMAL;
  }

  private static int clamp(double s) {
    return (int) Math.max(0, Math.min(100, Math.round(s)));
  }
}
