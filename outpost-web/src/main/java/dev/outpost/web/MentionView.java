package dev.outpost.web;

import dev.outpost.core.Enrichment;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import java.time.Instant;
import java.util.List;

/**
 * A mention as the API and the live feed show it. Texts are raw: clients must escape them. {@code
 * sentiment} is null and {@code intents} empty where enrichment did not run.
 */
public record MentionView(
    long id,
    String topic,
    String network,
    String externalId,
    String author,
    String authorName,
    long followers,
    String text,
    String language,
    Instant postedAt,
    Instant matchedAt,
    String url,
    long reposts,
    long likes,
    String sentiment,
    List<String> intents,
    boolean influencer) {

  private static final java.time.format.DateTimeFormatter SHOWN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  /** The post time as people read it, in UTC. */
  public String postedAtText() {
    return SHOWN.format(postedAt);
  }

  public static MentionView of(Mention m) {
    Post p = m.post();
    return new MentionView(
        m.id(),
        m.topicId(),
        p.network(),
        p.externalId(),
        p.author().handle(),
        p.author().displayName(),
        p.author().followers(),
        p.text(),
        p.language(),
        p.createdAt(),
        m.matchedAt(),
        p.url().filter(WebServer::isWebLink).orElse(null),
        p.metrics().reposts(),
        p.metrics().likes(),
        m.enrichment().map(e -> e.sentiment().label()).orElse(null),
        m.enrichment()
            .map(e -> e.intents().stream().map(Enrichment.Intent::label).toList())
            .orElse(List.of()),
        m.enrichment().map(Enrichment::influencer).orElse(false));
  }
}
