package dev.outpost.detect;

import java.util.Locale;
import java.util.Optional;

/** The sentiment label of an observed post, as far as it is known. */
public enum Sentiment {
  POSITIVE,
  NEUTRAL,
  NEGATIVE,
  UNKNOWN;

  /** Lower-case name used in keys and JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code negative}, {@code neg}, {@code -1}, ... ; anything else is empty. */
  public static Optional<Sentiment> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "positive", "pos", "1", "+1" -> Optional.of(POSITIVE);
      case "neutral", "neu", "0" -> Optional.of(NEUTRAL);
      case "negative", "neg", "-1" -> Optional.of(NEGATIVE);
      case "", "unknown", "und" -> Optional.of(UNKNOWN);
      default -> Optional.empty();
    };
  }
}
