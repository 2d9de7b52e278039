package dev.outpost.app.config;

/**
 * The {@code impersonation:} section of {@code outpost.yaml}. Live impersonation and phishing
 * review (issue 10). Every field has a default, so the section may be left out.
 */
public record ImpersonationConfig() {
  public static ImpersonationConfig defaults() {
    return new ImpersonationConfig();
  }
}
