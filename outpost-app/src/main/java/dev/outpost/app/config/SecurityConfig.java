package dev.outpost.app.config;

/**
 * The {@code security:} section of {@code outpost.yaml}. Sign-in, sessions, API tokens and secrets
 * (issue 12). Every field has a default, so the section may be left out.
 */
public record SecurityConfig() {
  public static SecurityConfig defaults() {
    return new SecurityConfig();
  }
}
