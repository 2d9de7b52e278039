package dev.outpost.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedParseTest {
  @Test
  void checkpointRoundTripsAndKeepsOnlyTheNewestIds() {
    FeedState s =
        FeedState.EMPTY.withValidators(
            Optional.of("\"x\""), Optional.of("Mon, 16 Nov 2026 07:02:11 GMT"));
    for (int i = 0; i < 15; i++) {
      s = s.plus("id-" + i, 10);
    }
    FeedState back = FeedState.parse(s.encode());
    assertThat(back).isEqualTo(s);
    assertThat(back.seen()).hasSize(10).startsWith("id-5").endsWith("id-14");
    assertThat(FeedState.parse("{}").seen()).isEqualTo(List.of());
  }
}
