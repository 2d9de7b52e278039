package dev.outpost.app.config;

/**
 * The {@code care:} section of {@code outpost.yaml}. The care inbox: SLAs, business hours,
 * templates, assignment (issue 8). Every field has a default, so the section may be left out.
 */
public record CareConfig() {
  public static CareConfig defaults() {
    return new CareConfig();
  }
}
