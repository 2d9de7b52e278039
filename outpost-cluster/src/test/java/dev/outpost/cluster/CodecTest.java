package dev.outpost.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Alert;
import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What goes over Kafka comes back equal, hostile text included; garbage is refused clearly. */
class CodecTest {
  private static final Post POST =
      new Post(
          "mastodon",
          "109\u0000x",
          new Author(
              "mastodon",
              "dee",
              "Dee \u202e<script>",
              12,
              true,
              Optional.of(Instant.parse("2020-02-29T12:00:00.123456Z"))),
          "acme \uD83D\uDE21 owes me \"a refund\"\n</script>",
          "en",
          Instant.parse("2026-01-01T00:00:00.5Z"),
          Optional.of("https://example.social/@dee/109"),
          Optional.empty(),
          new Metrics(1, 2, 3, 4));

  @Test
  void postsTopicsMentionsAndAlertsRoundTrip() {
    assertThat(Codec.read(Codec.write(POST), Post.class)).isEqualTo(POST);
    Topic topic = new Topic("acme", "Acme", TopicKind.COMPETITOR, "acme NEAR/4 refund");
    assertThat(Codec.read(Codec.write(topic), Topic.class)).isEqualTo(topic);
    Enrichment e =
        new Enrichment(
            "en",
            Enrichment.Sentiment.NEGATIVE,
            0.7,
            Map.of(
                Enrichment.Sentiment.NEGATIVE, 0.7,
                Enrichment.Sentiment.NEUTRAL, 0.2,
                Enrichment.Sentiment.POSITIVE, 0.1),
            EnumSet.of(Enrichment.Intent.COMPLAINT, Enrichment.Intent.CHURN),
            42.5,
            false,
            1_000,
            3.25,
            false);
    Mention m = new Mention(7, POST, "acme", Instant.parse("2026-01-01T00:00:01Z"), Optional.of(e));
    assertThat(Codec.read(Codec.write(m), Mention.class)).isEqualTo(m);
    Alert a =
        new Alert(
            "volume_spike:acme:1",
            Alert.Kind.VOLUME_SPIKE,
            Alert.Phase.OPENED,
            Alert.Severity.WARNING,
            "acme",
            Instant.parse("2026-01-01T00:10:00Z"),
            12,
            0.3,
            "volume spike on acme",
            "/mentions?topic=acme",
            Map.of("p", "0.001"));
    assertThat(Codec.read(Codec.write(a), Alert.class)).isEqualTo(a);
  }

  @Test
  void garbageIsRefusedWithoutQuotingIt() {
    byte[] bad =
        "{\"network\":\"x\",\"text\":\"secret personal data\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codec.read(bad, Post.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid Post")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Codec.read(new byte[] {1, 2, 3}, Post.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
