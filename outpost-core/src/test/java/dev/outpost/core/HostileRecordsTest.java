package dev.outpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Post and Author from hostile values: either a valid record or an IllegalArgumentException that
 * names the field; never another exception, never a record that breaks its own limits.
 */
class HostileRecordsTest {
  @Provide
  Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(50),
        Arbitraries.strings()
            .withChars("\u0000\u200b\u200d\u202e\u2066\uFEFF@ <>&\"'\n")
            .ofMaxLength(20),
        Arbitraries.strings().ofMinLength(Post.MAX_TEXT - 2).ofMaxLength(Post.MAX_TEXT + 2),
        Arbitraries.of("", " ", "@", "x", "mastodon", "X", "9x", "a".repeat(40)));
  }

  @Property(tries = 100)
  void anAuthorIsValidOrRefusedWithTheField(
      @ForAll("nasty") String network,
      @ForAll("nasty") String handle,
      @ForAll("nasty") String name,
      @ForAll long followers) {
    try {
      Author a = new Author(network, handle, name, followers, false, Optional.empty());
      assertThat(a.handle()).isNotBlank().doesNotStartWith("@").hasSizeLessThanOrEqualTo(256);
      assertThat(a.displayName()).isNotBlank().hasSizeLessThanOrEqualTo(512);
      assertThat(a.followers()).isNotNegative();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).containsAnyOf("network", "handle", "display name", "followers");
    }
  }

  @Property(tries = 100)
  void aPostIsValidOrRefusedWithTheField(
      @ForAll("nasty") String id, @ForAll("nasty") String text, @ForAll long epochSecond) {
    Instant created = Instant.ofEpochSecond(Math.floorMod(epochSecond, 4_000_000_000_000L));
    try {
      Post p =
          new Post(
              "x",
              id,
              Author.of("x", "a"),
              Post.truncate(text),
              null,
              created,
              Optional.empty(),
              Optional.empty(),
              null);
      assertThat(p.text()).hasSizeLessThanOrEqualTo(Post.MAX_TEXT);
      assertThat(p.externalId()).isNotBlank();
      if (!p.text().isEmpty()) {
        assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1)))
            .as("truncation never splits a surrogate pair")
            .isFalse();
      }
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("externalId");
    }
  }
}
