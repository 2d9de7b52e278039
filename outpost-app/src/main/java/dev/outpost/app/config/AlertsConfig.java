package dev.outpost.app.config;

/**
 * The {@code alerts:} section of {@code outpost.yaml}. Alert rules, notification channels and
 * throttling (issue 7). Every field has a default, so the section may be left out.
 */
public record AlertsConfig() {
  public static AlertsConfig defaults() {
    return new AlertsConfig();
  }
}
