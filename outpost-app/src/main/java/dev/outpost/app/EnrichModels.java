package dev.outpost.app;

import dev.outpost.app.config.EnrichConfig;
import dev.outpost.enrich.Enricher;
import dev.outpost.enrich.influence.InfluenceScorer;
import dev.outpost.enrich.intent.IntentClassifier;
import dev.outpost.enrich.language.LanguageIdentifier;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enricher the {@code enrich:} section asks for: the shipped model or a retrained one. */
final class EnrichModels {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichModels.class);

  private EnrichModels() {}

  static Enricher enricher(EnrichConfig config, Clock clock) {
    if (config.modelFile().isEmpty()) {
      return Enricher.loadDefault(clock);
    }
    Path file = config.modelFile().get();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("enrich.model: no such file: " + file.toAbsolutePath());
    }
    SentimentClassifier model;
    try {
      model = SentimentClassifier.load(file);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "enrich.model: " + file + " is not a model written by 'outpost train sentiment': " + e,
          e);
    }
    LOG.info("sentiment model: {}", file);
    return new Enricher(
        model,
        LanguageIdentifier.withDefaults(),
        new IntentClassifier(),
        new InfluenceScorer(clock));
  }
}
