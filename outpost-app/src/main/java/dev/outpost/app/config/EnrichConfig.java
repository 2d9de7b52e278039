package dev.outpost.app.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code enrich:} section of {@code outpost.yaml}. Enrichment models (issue 5). Every field has
 * a default, so the section may be left out.
 *
 * @param model a sentiment model written by {@code outpost train sentiment} (for example one
 *     retrained with the organisation's corrections); the shipped model when left out
 */
public record EnrichConfig(String model) {
  public EnrichConfig {
    model = model == null || model.isBlank() ? null : model.strip();
    if (model != null && !model.endsWith(".bin.gz")) {
      throw new IllegalArgumentException(
          "enrich.model must be a model file written by 'outpost train sentiment' (*.bin.gz),"
              + " was '"
              + model
              + "'");
    }
  }

  public static EnrichConfig defaults() {
    return new EnrichConfig(null);
  }

  /** The retrained model's file, when one is configured. */
  public Optional<Path> modelFile() {
    return Optional.ofNullable(model).map(Path::of);
  }
}
