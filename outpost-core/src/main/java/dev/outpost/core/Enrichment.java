package dev.outpost.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a post means and who wrote it, as computed by the enrichment stage.
 *
 * @param language BCP 47 language tag, or {@code und} when unknown or too uncertain
 * @param sentiment the most probable sentiment class
 * @param confidence the probability of {@code sentiment}, in [0, 1]
 * @param scores the probability of every sentiment class, each in [0, 1], summing to 1
 * @param intents what the author wants; never empty ({@link Intent#OTHER} when nothing else)
 * @param influence the author's influence score in [0, 100]
 * @param influencer whether the author counts as an influencer (later stages treat them first)
 * @param reach estimated number of accounts that saw the post, at least 0
 * @param virality engagement per hour since the post was published, at least 0
 * @param truncated whether the text was cut before it was analysed
 */
public record Enrichment(
    String language,
    Sentiment sentiment,
    double confidence,
    Map<Sentiment, Double> scores,
    Set<Intent> intents,
    double influence,
    boolean influencer,
    long reach,
    double virality,
    boolean truncated) {

  /** The three sentiment classes of the SemEval / TweetEval task. */
  public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What the author wants; a post may carry several. */
  public enum Intent {
    COMPLAINT,
    QUESTION,
    PRAISE,
    OUTAGE,
    CHURN,
    PURCHASE,
    SPAM,
    OTHER;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final double EPSILON = 1e-6;

  public Enrichment {
    language = language == null || language.isBlank() ? Post.UNDETERMINED : language.strip();
    Validate.maxLength("enrichment language", language, 35);
    Objects.requireNonNull(sentiment, "enrichment sentiment");
    requireProbability("enrichment confidence", confidence);
    Objects.requireNonNull(scores, "enrichment scores");
    if (scores.size() != Sentiment.values().length) {
      throw new IllegalArgumentException(
          "enrichment scores must hold every sentiment class, were " + scores.keySet());
    }
    double sum = 0;
    for (Map.Entry<Sentiment, Double> e : scores.entrySet()) {
      requireProbability("enrichment score of " + e.getKey().label(), e.getValue());
      sum += e.getValue();
    }
    if (Math.abs(sum - 1.0) > 1e-3) {
      throw new IllegalArgumentException("enrichment scores must sum to 1, were " + sum);
    }
    if (Math.abs(scores.get(sentiment) - confidence) > EPSILON) {
      throw new IllegalArgumentException(
          "enrichment confidence " + confidence + " differs from the score of " + sentiment);
    }
    scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    Objects.requireNonNull(intents, "enrichment intents");
    if (intents.isEmpty()) {
      throw new IllegalArgumentException("enrichment intents must not be empty (use OTHER)");
    }
    if (intents.contains(Intent.OTHER) && intents.size() > 1) {
      throw new IllegalArgumentException("enrichment intent OTHER excludes the others: " + intents);
    }
    intents = Collections.unmodifiableSet(EnumSet.copyOf(intents));
    if (!(influence >= 0 && influence <= 100)) {
      throw new IllegalArgumentException(
          "enrichment influence must be in [0, 100], was " + influence);
    }
    if (reach < 0) {
      throw new IllegalArgumentException("enrichment reach must be >= 0, was " + reach);
    }
    if (!(virality >= 0) || Double.isInfinite(virality)) {
      throw new IllegalArgumentException("enrichment virality must be >= 0, was " + virality);
    }
  }

  private static void requireProbability(String field, Double value) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
