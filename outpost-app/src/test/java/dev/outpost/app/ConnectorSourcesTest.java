package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.ConfigLoader;
import dev.outpost.app.config.OutpostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources of any connector type are built from YAML; mistakes end in one line naming them. */
class ConnectorSourcesTest {
  @TempDir Path dir;

  private OutpostConfig load(String sources) throws Exception {
    Path f = dir.resolve("outpost.yaml");
    Files.writeString(
        f,
        "server:\n  port: 0\ndatabase:\n  dataDir: "
            + dir.resolve("data")
            + "\nsources:\n"
            + sources);
    return new ConfigLoader(name -> "tok-from-env").load(f);
  }

  @Test
  void anUnknownTypeNamesTheSourceAndTheKnownTypes() throws Exception {
    OutpostConfig c = load("  - type: myspace\n    name: old-friends\n");
    assertThatThrownBy(() -> Outpost.start(c, Clock.systemUTC()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("source 'old-friends': unknown type 'myspace'")
        .hasMessageContaining("mastodon")
        .hasMessageContaining("replay");
  }

  @Test
  void anInvalidSettingNamesTheSourceAndTheField() throws Exception {
    OutpostConfig c =
        load(
            "  - type: mastodon\n    name: fedi\n    settings:\n      baseUrl: not a url\n"
                + "      accessToken: ${MASTODON_TOKEN}\n");
    assertThatThrownBy(() -> Outpost.start(c, Clock.systemUTC()))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "source 'fedi': setting 'baseUrl': must be an http(s) or ws(s) URL, was 'not a url'");
  }

  @Test
  void aMissingRequiredSettingIsNamed() throws Exception {
    OutpostConfig c = load("  - type: rss\n    name: alerts\n    settings: {}\n");
    assertThatThrownBy(() -> Outpost.start(c, Clock.systemUTC()))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("source 'alerts': setting 'url': is required");
  }

  @Test
  void secretsNeverAppearInErrors() throws Exception {
    OutpostConfig c =
        load(
            "  - type: mastodon\n    name: fedi\n    settings:\n      baseUrl: https://mastodon.social\n"
                + "      accessToken: ${MASTODON_TOKEN}\n      hashtag: acme\n      limit: 99\n");
    assertThatThrownBy(() -> Outpost.start(c, Clock.systemUTC()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("setting 'limit'")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getMessage())
                    .doesNotContain("tok-from-env"));
  }
}
