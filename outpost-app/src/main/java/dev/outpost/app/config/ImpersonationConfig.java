package dev.outpost.app.config;

import dev.outpost.identity.ImpersonationScorer;
import dev.outpost.identity.ProtectedIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The {@code impersonation:} section of {@code outpost.yaml}. Live impersonation and phishing
 * review (issue 10). Every field has a default, so the section may be left out; with no {@code
 * identities} nothing is reviewed.
 *
 * @param identities the organisation's own identities, one per entry as in {@code outpost
 *     impersonation --protected}: {@code x:@AcmeSupport}, {@code name:Acme Support}, {@code
 *     domain:acme.com}, {@code avatar:0f0f3c3c5a5affff}
 * @param allow accounts that never score: {@code network:@handle} or {@code @handle}
 * @param minScore authors scoring at least this are queued for review (0.4 = suspicious)
 */
public record ImpersonationConfig(List<String> identities, List<String> allow, Double minScore) {
  public ImpersonationConfig {
    identities = identities == null ? List.of() : List.copyOf(identities);
    allow = allow == null ? List.of() : List.copyOf(allow);
    minScore = minScore == null ? 0.4 : minScore;
    if (!(minScore > 0 && minScore <= 1)) {
      throw new IllegalArgumentException(
          "impersonation.minScore must be in (0, 1], was " + minScore);
    }
    scorer(identities, allow, Clock.systemUTC()); // checks every entry now, not at first use
  }

  /**
   * The scorer for these identities (avatar files are read relative to the working directory).
   *
   * @throws IllegalArgumentException naming the setting and the entry that is malformed
   */
  public ImpersonationScorer scorer(Clock clock) {
    return scorer(identities, allow, clock);
  }

  private static ImpersonationScorer scorer(
      List<String> identities, List<String> allow, Clock clock) {
    List<ProtectedIdentity> parsed;
    try {
      parsed = ProtectedIdentity.parse(identities, Path.of(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "impersonation.identities: " + e.getMessage().replaceFirst("^line ", "entry "), e);
    }
    try {
      return new ImpersonationScorer(parsed, allow, clock);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("impersonation.allow: " + e.getMessage(), e);
    }
  }

  public static ImpersonationConfig defaults() {
    return new ImpersonationConfig(null, null, null);
  }

  /** Whether live review runs: only when the organisation listed identities to protect. */
  public boolean enabled() {
    return !identities.isEmpty();
  }
}
