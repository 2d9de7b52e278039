package dev.outpost.app.config;

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
  }

  public static ImpersonationConfig defaults() {
    return new ImpersonationConfig(null, null, null);
  }

  /** Whether live review runs: only when the organisation listed identities to protect. */
  public boolean enabled() {
    return !identities.isEmpty();
  }
}
