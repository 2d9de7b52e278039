package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL crashes while a source is ingesting: the lane stops taking posts (its queue is full,
 * the source waits), /health says DEGRADED with the last error and the lag, and once the database
 * is back the pool reconnects and every post is stored once, nothing dropped.
 */
class DatabaseOutageIT {
  private static final int POSTS = 20_000;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Path replay() throws Exception {
    StringBuilder b = new StringBuilder("id,network,author,created_at,text\n");
    for (int i = 0; i < POSTS; i++) {
      b.append("o")
          .append(i)
          .append(",mastodon,user")
          .append(i % 101)
          .append(',')
          .append(START.plusSeconds(i))
          .append(',')
          .append(i % 3 == 0 ? "@acme down again " + i : "nothing " + i)
          .append('\n');
    }
    Path csv = dir.resolve("outage.csv");
    Files.writeString(csv, b, StandardCharsets.UTF_8);
    return csv;
  }

  private HttpResponse<String> health(Outpost outpost) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + "/health"))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ingestionPausesWhileTheDatabaseIsDownAndCatchesUpWithNothingLost() throws Exception {
    Path csv = replay();
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dir.resolve("data").toString()),
            List.of(new OutpostConfig.TopicEntry("acme", "Acme", "brand", "@acme")),
            List.of());
    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      // Posts are a second apart: at 2000 times real time the replay offers 2000 posts/s.
      outpost
          .pipeline()
          .start(ReplaySource.ofFile("outage", csv, ReplayFormat.OUTPOST, 2_000, Duration.ZERO));
      while (outpost.pipeline().stats().newMentions() == 0) {
        Thread.sleep(10);
      }
      outpost.database().crashEmbeddedServer();

      var stats = outpost.pipeline().stats();
      while (stats.queued() < stats.queueCapacity() || stats.storeFailures() < 2) {
        Thread.sleep(20);
        stats = outpost.pipeline().stats();
      }
      assertThat(stats.received()).as("the crash came in the middle").isLessThan(POSTS);
      assertThat(stats.lastError()).isPresent();

      HttpResponse<String> down = health(outpost);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .contains("\"status\":\"DEGRADED\"", "\"database\":\"DOWN\"", "\"lastError\":")
          .contains("\"queued\":" + stats.queueCapacity());
      var later = outpost.pipeline().stats();
      assertThat(later.received())
          .as("while the database is down the full queue makes the source wait")
          .isEqualTo(stats.received());
      assertThat(later.queued()).isEqualTo(later.queueCapacity());
      assertThat(later.lagMillis()).isPositive();

      outpost.database().restartEmbeddedServer();
      outpost.pipeline().awaitDrained();

      assertThat(outpost.pipeline().stats().received()).isEqualTo(POSTS);
      assertThat(outpost.store().postCount()).isEqualTo((POSTS + 2) / 3);
      assertThat(outpost.store().mentionCounts()).containsEntry("acme", (long) (POSTS + 2) / 3);
      assertThat(outpost.store().checkpoint("outage"))
          .contains(START.plusSeconds(POSTS - 1) + "|o" + (POSTS - 1));
      HttpResponse<String> up = health(outpost);
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"status\":\"UP\"", "\"lagMillis\":0");
      assertThat(up.body()).doesNotContain("lastError");
      assertThat(outpost.pipeline().stats().rejected()).isZero();
    }
  }

  @Test
  void aPoisonPostIsSetAsideAndTheOthersOfItsBatchAreStored() throws Exception {
    Path csv = dir.resolve("poison.csv");
    StringBuilder b = new StringBuilder("id,network,author,created_at,text\n");
    for (int i = 0; i < 300; i++) {
      String created = i == 123 ? "+300000-01-01T00:00:00Z" : START.plusSeconds(i).toString();
      String text = i == 7 ? "\"@acme nul\u0000inside\"" : "@acme post " + i;
      b.append("q").append(i).append(",mastodon,user,").append(created).append(',');
      b.append(text).append('\n');
    }
    Files.writeString(csv, b, StandardCharsets.UTF_8);
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dir.resolve("data2").toString()),
            List.of(new OutpostConfig.TopicEntry("acme", "Acme", "brand", "@acme")),
            List.of());
    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      outpost
          .pipeline()
          .start(ReplaySource.ofFile("poison", csv, ReplayFormat.OUTPOST, 0, Duration.ZERO));
      outpost.pipeline().awaitDrained();
      assertThat(outpost.store().postCount()).isEqualTo(299);
      assertThat(outpost.store().rejectedCount()).isEqualTo(1);
      assertThat(outpost.pipeline().stats().rejected()).isEqualTo(1);
      assertThat(outpost.store().checkpoint("poison")).get().asString().startsWith("+300000");
      HttpResponse<String> h = health(outpost);
      assertThat(h.body()).contains("\"deadLettered\":1", "\"lastDeadLetter\":");
      assertThat(outpost.store().latestMentions(300, Optional.empty()))
          .anyMatch(m -> m.post().text().equals("@acme nul\uFFFDinside"));
    }
  }
}
