package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Author;
import dev.outpost.core.Post;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollingSourceTest {
  private static Post post(String id) {
    return new Post(
        "test",
        id,
        Author.of("test", "a"),
        "t",
        "und",
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty(),
        null);
  }

  @Test
  void aLongRunningPollerKeepsItsCursorAcrossEmptyPollsAndErrors() {
    List<Optional<String>> asked = new ArrayList<>();
    List<String> emitted = new ArrayList<>();
    int[] sleeps = {0};
    Sleeper stopAfterFive =
        d -> {
          if (++sleeps[0] > 5) {
            throw new InterruptedException("enough");
          }
        };
    ConnectorContext ctx =
        new ConnectorContext(
            TestSupport.CLOCK,
            RetryPolicy.DEFAULT,
            Duration.ofSeconds(1),
            stopAfterFive,
            false,
            HttpClient.newHttpClient());
    Health health = new Health("t", TestSupport.CLOCK);
    PollingSource s =
        new PollingSource("t", Duration.ofSeconds(30), ctx, health) {
          @Override
          protected Batch poll(Optional<String> cursor) {
            asked.add(cursor);
            return switch (asked.size()) {
              case 1 ->
                  new Batch(
                      List.of(new Item(post("1"), "c1"), new Item(post("2"), "c2")),
                      Optional.empty(),
                      false);
              case 3 -> throw ConnectorException.retriable("boom", 500, Optional.empty(), null);
              case 4 -> new Batch(List.of(new Item(post("3"), "c3")), Optional.empty(), false);
              default -> new Batch(List.of(), Optional.empty(), false);
            };
          }
        };
    assertThatThrownBy(() -> s.stream(Optional.of("c0"), (p, c) -> emitted.add(p.externalId())))
        .isInstanceOf(InterruptedException.class);
    assertThat(emitted).containsExactly("1", "2", "3");
    assertThat(asked)
        .containsExactly(
            Optional.of("c0"),
            Optional.of("c2"),
            Optional.of("c2"),
            Optional.of("c2"),
            Optional.of("c3"),
            Optional.of("c3"));
  }
}
