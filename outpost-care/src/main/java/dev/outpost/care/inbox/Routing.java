package dev.outpost.care.inbox;

import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Mention;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which queue a new case goes to: the first rule that matches, else {@link #DEFAULT_QUEUE}. An
 * empty condition matches everything.
 */
public final class Routing {
  public static final String DEFAULT_QUEUE = "general";

  /**
   * @param queue where matching cases go
   * @param topics topic ids
   * @param networks network ids
   * @param languages language tags
   * @param intents any of these intents
   * @param minInfluence the author's influence at least this (0 to 100)
   * @param keywords any of these words in the text (case-insensitive)
   */
  public record Rule(
      String queue,
      Set<String> topics,
      Set<String> networks,
      Set<String> languages,
      Set<Intent> intents,
      double minInfluence,
      List<String> keywords) {
    public Rule {
      if (queue == null || queue.isBlank()) {
        throw new IllegalArgumentException("a routing rule needs a queue");
      }
      topics = Set.copyOf(topics);
      networks = Set.copyOf(networks);
      languages = Set.copyOf(languages);
      intents = Set.copyOf(intents);
      keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    boolean matches(Mention m) {
      var e = m.enrichment();
      String lang = e.map(Enrichment::language).orElse(m.post().language());
      String text = m.post().text().toLowerCase(Locale.ROOT);
      return (topics.isEmpty() || topics.contains(m.topicId()))
          && (networks.isEmpty() || networks.contains(m.post().network()))
          && (languages.isEmpty() || languages.contains(lang))
          && (intents.isEmpty()
              || e.map(x -> x.intents().stream().anyMatch(intents::contains)).orElse(false))
          && (minInfluence <= 0 || e.map(x -> x.influence() >= minInfluence).orElse(false))
          && (keywords.isEmpty() || keywords.stream().anyMatch(text::contains));
    }
  }

  private final List<Rule> rules;

  public Routing(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public String queue(Mention m) {
    return rules.stream()
        .filter(r -> r.matches(m))
        .map(Rule::queue)
        .findFirst()
        .orElse(DEFAULT_QUEUE);
  }
}
