package dev.outpost.core.corrections;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's correction of what enrichment said about a mention: its sentiment, its intents, or
 * both. Corrections are kept (with what the model had said) so that {@code outpost train sentiment
 * --corrections-from} can fold them into an organisation's own model.
 *
 * @param id the store's id, increasing
 * @param mentionId the corrected mention
 * @param at when the agent corrected it
 * @param actor who corrected it (as the audit log names them)
 * @param sentiment the sentiment the agent chose, when corrected
 * @param intents the intents the agent chose, when corrected
 * @param previousSentiment what the model had said, when enrichment had run
 * @param previousIntents what the model had said (empty when enrichment had not run)
 * @param text the post's text, for training
 */
public record Correction(
    long id,
    long mentionId,
    Instant at,
    String actor,
    Optional<Sentiment> sentiment,
    Optional<Set<Intent>> intents,
    Optional<Sentiment> previousSentiment,
    Set<Intent> previousIntents,
    String text) {
  public Correction {
    Objects.requireNonNull(at, "correction at");
    Objects.requireNonNull(actor, "correction actor");
    Objects.requireNonNull(sentiment, "correction sentiment (use Optional.empty())");
    intents = Objects.requireNonNull(intents, "correction intents").map(Set::copyOf);
    Objects.requireNonNull(previousSentiment, "correction previousSentiment");
    previousIntents = Set.copyOf(previousIntents);
    Objects.requireNonNull(text, "correction text");
  }

  /**
   * What an agent asks to change.
   *
   * @throws IllegalArgumentException when it changes nothing or an intent list is empty
   */
  public record Change(Optional<Sentiment> sentiment, Optional<Set<Intent>> intents) {
    public Change {
      Objects.requireNonNull(sentiment, "sentiment");
      intents = Objects.requireNonNull(intents, "intents").map(Set::copyOf);
      if (sentiment.isEmpty() && intents.isEmpty()) {
        throw new IllegalArgumentException("a correction needs a sentiment, intents or both");
      }
      if (intents.isPresent() && intents.get().isEmpty()) {
        throw new IllegalArgumentException(
            "intents must not be empty: use [\"other\"] when no other intent applies");
      }
      if (intents.isPresent() && intents.get().contains(Intent.OTHER) && intents.get().size() > 1) {
        throw new IllegalArgumentException("intent 'other' cannot be combined with other intents");
      }
    }

    /** The intents in label order, for display and storage. */
    public static List<String> labels(Set<Intent> intents) {
      return intents.stream().sorted().map(Intent::label).toList();
    }
  }
}
