package dev.outpost.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code outpost serve} as a separate process, kills it with SIGKILL at seeded random moments,
 * restarts it, and proves from PostgreSQL itself that after every kill the stored posts are exactly
 * the matched posts up to the stored checkpoint (each once), that every restart resumed from that
 * checkpoint, and that the last run stores every matched post exactly once.
 */
class CrashSafetyIT {
  private static final int POSTS = 100_000;
  private static final int KILLS = 5;
  private static final long SEED = 14;
  private static final Pattern PORT =
      Pattern.compile("embedded PostgreSQL listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern RESUMED =
      Pattern.compile("source crash resuming after checkpoint (\\S+)");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  /** Post i: created at START + i seconds, id p000i; every third one mentions acme. */
  private static String cursor(int i) {
    return START.plusSeconds(i) + "|" + id(i);
  }

  private static String id(int i) {
    return String.format(java.util.Locale.ROOT, "p%06d", i);
  }

  private static boolean matches(int i) {
    return i % 3 == 0;
  }

  private Path writeReplay() throws IOException {
    Path csv = dir.resolve("posts.csv");
    StringBuilder b = new StringBuilder("id,network,author,created_at,text\n");
    for (int i = 0; i < POSTS; i++) {
      b.append(id(i))
          .append(",mastodon,user")
          .append(i % 997)
          .append(',')
          .append(START.plusSeconds(i))
          .append(',')
          .append(matches(i) ? "\"@acme my order " + i + " is late, again\"" : "weather " + i)
          .append('\n');
    }
    Files.writeString(csv, b, StandardCharsets.UTF_8);
    return csv;
  }

  private Path writeConfig(Path csv) throws IOException {
    Path yaml = dir.resolve("outpost.yaml");
    Files.writeString(
        yaml,
        "server: {host: 127.0.0.1, port: 0}\n"
            + "database: {dataDir: '"
            + dir.resolve("data")
            + "'}\n"
            + "topics:\n  - {id: acme, name: Acme, kind: brand, query: '@acme'}\n"
            + "sources:\n  - {type: replay, name: crash, file: '"
            + csv
            + "', format: outpost, speed: 0}\n",
        StandardCharsets.UTF_8);
    return yaml;
  }

  private Process start(Path yaml, Path log) throws IOException {
    return ChildJvm.start(
        "512m", "dev.outpost.app.Main", log, "serve", "--config", yaml.toString());
  }

  /** Waits until the log has a line matching the pattern; returns its first group. */
  private static String await(Process p, Path log, Pattern pattern) throws Exception {
    return ChildJvm.await(p, log, pattern, Duration.ofSeconds(90));
  }

  private record Stored(Optional<String> checkpoint, List<String> ids, long mentions) {}

  private Stored stored(int port) throws Exception {
    String password =
        Files.readString(dir.resolve("data/postgres/password"), StandardCharsets.UTF_8).strip();
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/outpost", "outpost", password)) {
      Optional<String> checkpoint = Optional.empty();
      List<String> ids = new ArrayList<>();
      long mentions;
      try (ResultSet rs =
          c.createStatement()
              .executeQuery("SELECT cursor FROM checkpoints WHERE source = 'crash'")) {
        if (rs.next()) {
          checkpoint = Optional.of(rs.getString(1));
        }
      }
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT external_id FROM posts ORDER BY external_id")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM mentions")) {
        rs.next();
        mentions = rs.getLong(1);
      }
      return new Stored(checkpoint, ids, mentions);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // killed before the schema was made
        return new Stored(Optional.empty(), List.of(), 0);
      }
      throw e;
    }
  }

  private void awaitProgress(Process p, int port, int after) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (lastIndex(checkpoint(port)) > after) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no progress after post " + after);
  }

  private Optional<String> checkpoint(int port) throws Exception {
    String password =
        Files.readString(dir.resolve("data/postgres/password"), StandardCharsets.UTF_8).strip();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/outpost", "outpost", password);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT cursor FROM checkpoints WHERE source = 'crash'")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** The index of the last post covered by a checkpoint, -1 for none. */
  private static int lastIndex(Optional<String> checkpoint) {
    return checkpoint.map(c -> Integer.parseInt(c.substring(c.lastIndexOf("|p") + 2))).orElse(-1);
  }

  private static List<String> expectedUpTo(int last) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      if (matches(i)) {
        ids.add(id(i));
      }
    }
    return ids;
  }

  @Test
  void killedAtRandomMomentsItStoresEveryMatchedPostExactlyOnceAndResumes() throws Exception {
    Path yaml = writeConfig(writeReplay());
    Random random = new Random(SEED);
    Optional<String> checkpoint = Optional.empty();
    List<Integer> progress = new ArrayList<>();
    for (int round = 0; round < KILLS; round++) {
      Path log = dir.resolve("round-" + round + ".log");
      Process p = start(yaml, log);
      try {
        int port = Integer.parseInt(await(p, log, PORT));
        assertThat(await(p, log, RESUMED))
            .as("round %d resumes from the checkpoint stored before the kill", round)
            .isEqualTo(checkpoint.orElse("(none:"));
        // A random moment of the ingestion: once this run has stored something, after a seeded
        // random delay (reading the file and warming up take seconds on a busy machine).
        awaitProgress(p, port, lastIndex(checkpoint));
        Thread.sleep(random.nextInt(1_500));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // The killed process's PostgreSQL still runs; the next start stops it.
        Stored s = stored(port);
        int last = lastIndex(s.checkpoint());
        assertThat(last)
            .as("the checkpoint never moves back")
            .isGreaterThanOrEqualTo(lastIndex(checkpoint));
        assertThat(s.ids())
            .as("after kill %d: exactly the matched posts up to the checkpoint", round + 1)
            .isEqualTo(expectedUpTo(last));
        assertThat(s.mentions()).isEqualTo(s.ids().size());
        checkpoint = s.checkpoint();
        progress.add(last);
      } finally {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    assertThat(progress)
        .as("the kills landed in the middle of the ingestion: %s", progress)
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(last -> last < POSTS - 1);

    Path log = dir.resolve("final.log");
    Process p = start(yaml, log);
    try {
      int port = Integer.parseInt(await(p, log, PORT));
      assertThat(await(p, log, RESUMED)).isEqualTo(checkpoint.orElse("(none:"));
      // generous: on a loaded machine the last third of the posts can take minutes
      long deadline = System.nanoTime() + Duration.ofSeconds(420).toNanos();
      Stored s = stored(port);
      while (!s.checkpoint().equals(Optional.of(cursor(POSTS - 1)))
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        s = stored(port);
      }
      assertThat(s.checkpoint()).contains(cursor(POSTS - 1));
      assertThat(s.ids()).isEqualTo(expectedUpTo(POSTS - 1)).hasSize((POSTS + 2) / 3);
      assertThat(s.mentions()).isEqualTo(s.ids().size());
      p.destroy(); // SIGTERM: an orderly stop, which also stops PostgreSQL
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    System.out.println("crash-safety: checkpoint index after each kill " + progress);
  }
}
