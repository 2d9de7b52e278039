package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.config.ConfigLoader;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.store.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --config} with an external PostgreSQL by JDBC URL (here a separately started
 * server), the password taken from the environment, topics and a replay source from the YAML file.
 */
class ServeExternalDatabaseIT {
  @TempDir Path dir;

  @Test
  void servesFromAnExternalDatabaseConfiguredInYaml() throws Exception {
    try (EmbeddedPostgres external = EmbeddedPostgres.start(dir.resolve("external-db"))) {
      Path posts = dir.resolve("posts.csv");
      Files.writeString(
          posts,
          "id,network,author,created_at,text\n"
              + "1,mastodon,ana,2026-01-01T10:00:00Z,@acme my order never arrived\n"
              + "2,mastodon,ben,2026-01-01T10:01:00Z,globex is better than acme\n"
              + "3,mastodon,cy,2026-01-01T10:02:00Z,nothing to see here\n");
      Path yaml = dir.resolve("outpost.yaml");
      Files.writeString(
          yaml,
          String.join(
              "\n",
              "server:",
              "  port: 0",
              "database:",
              "  url: " + external.jdbcUrl(),
              "  user: " + external.user(),
              "  password: ${TEST_DB_PASSWORD}",
              "topics:",
              "  - {id: acme, name: Acme, kind: brand, query: 'acme OR @acme'}",
              "  - {id: globex, name: Globex, kind: competitor, query: globex}",
              "sources:",
              "  - {type: replay, name: file, file: '" + posts + "', format: outpost, speed: 0}",
              ""));
      OutpostConfig config =
          new ConfigLoader(Map.of("TEST_DB_PASSWORD", external.password())::get).load(yaml);
      try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
        outpost.pipeline().awaitDrained();
        assertThat(outpost.databaseDescription()).startsWith("PostgreSQL at jdbc:postgresql://");
        assertThat(outpost.store().postCount()).isEqualTo(2);
        assertThat(outpost.store().mentionCounts())
            .containsEntry("acme", 2L)
            .containsEntry("globex", 1L);
        HttpResponse<String> page =
            HttpClient.newHttpClient()
                .send(
                    TestAccess.request(outpost, "/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Acme", "my order never arrived");
      }
    }
  }
}
