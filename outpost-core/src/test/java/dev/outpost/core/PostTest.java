package dev.outpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PostTest {
  static Post post(String network, String id, String handle, String text) {
    return new Post(
        network,
        id,
        Author.of(network, handle),
        text,
        null,
        Instant.parse("2015-02-24T19:35:52Z"),
        Optional.empty(),
        Optional.empty(),
        null);
  }

  @Test
  void defaultsLanguageAndMetrics() {
    Post p = post("x", "570306133677760513", "cairdin", "@VirginAmerica What @dhepburn said.");
    assertThat(p.language()).isEqualTo("und");
    assertThat(p.metrics()).isEqualTo(Metrics.NONE);
    assertThat(p.key()).isEqualTo("x:570306133677760513");
  }

  @Test
  void stripsLeadingAtFromHandles() {
    assertThat(Author.of("mastodon", "@alice").handle()).isEqualTo("alice");
  }

  @Test
  void rejectsBadFieldsNamingTheField() {
    assertThatThrownBy(() -> post("X!", "1", "a", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("network");
    assertThatThrownBy(() -> post("x", " ", "a", "t")).hasMessageContaining("externalId");
    assertThatThrownBy(() -> post("x", "1", "", "t")).hasMessageContaining("author handle");
    assertThatThrownBy(
            () ->
                new Post(
                    "x",
                    "1",
                    Author.of("mastodon", "a"),
                    "t",
                    "en",
                    Instant.EPOCH,
                    Optional.empty(),
                    Optional.empty(),
                    Metrics.NONE))
        .hasMessageContaining("differs from author network");
    assertThatThrownBy(() -> new Metrics(-1, 0, 0, 0)).hasMessageContaining("likes=-1");
    assertThatThrownBy(() -> post("x", "1", "a", "y".repeat(Post.MAX_TEXT + 1)))
        .hasMessageContaining("post text must be at most");
  }

  @Test
  void truncateKeepsSurrogatePairsWhole() {
    String emoji = "\uD83D\uDE00";
    String text = "a".repeat(Post.MAX_TEXT - 1) + emoji + "tail";
    String cut = Post.truncate(text);
    assertThat(cut).hasSize(Post.MAX_TEXT - 1);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Property
  void truncatedTextsAlwaysMakeValidPosts(@ForAll String text) {
    Post p = post("x", "1", "a", Post.truncate(text));
    assertThat(p.text().length()).isLessThanOrEqualTo(Post.MAX_TEXT);
  }

  @Test
  void topicIdsAreSlugs() {
    assertThat(new Topic("united", " United ", TopicKind.BRAND, "@united").name())
        .isEqualTo("United");
    assertThatThrownBy(() -> new Topic("United Airlines", "U", TopicKind.BRAND, "q"))
        .hasMessageContaining("topic id must be a slug");
    assertThatThrownBy(() -> new Topic("u", "U", TopicKind.BRAND, " "))
        .hasMessageContaining("topic query must not be blank");
  }
}
