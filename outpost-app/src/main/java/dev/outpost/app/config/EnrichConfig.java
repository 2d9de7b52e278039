package dev.outpost.app.config;

/**
 * The {@code enrich:} section of {@code outpost.yaml}. Enrichment models (issue 5). Every field has
 * a default, so the section may be left out.
 */
public record EnrichConfig() {
  public static EnrichConfig defaults() {
    return new EnrichConfig();
  }
}
