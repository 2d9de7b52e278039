package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The YAML config loader against hostile files: a config or a ConfigException, nothing else. */
class HostileConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("PW", "secret")::get);

  private void rejects(String yaml, String message) {
    assertThatThrownBy(() -> loader.parse("outpost.yaml", yaml))
        .isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void nastyFilesGiveClearErrors() {
    rejects("server:\n  port: 99999999999999999999999\n", "server.port");
    rejects("server:\n  port: 70000\n", "between 0 and 65535");
    rejects("[".repeat(5_000) + "]".repeat(5_000), "outpost.yaml");
    rejects(
        "a: &a [x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        "outpost.yaml");
    rejects("topics:\n  - {id: x, kind: \"\u202ebrand\", query: q}\n", "kind must be");
    rejects("server: {host: \"\u0000\"}\nbogus: 1\n", "outpost.yaml");
    rejects("\uFEFF\u0000\u0001", "outpost.yaml");
    rejects("database: {password: ${NOPE}}\n", "NOPE is not set");
    // in a comment line it is documentation, not a variable
    assertThat(
            loader
                .parse("outpost.yaml", "# use ${NOPE} for secrets\nserver: {port: 1}\n")
                .server()
                .port())
        .isEqualTo(1);
  }

  @Test
  void featureSectionsMayBeLeftOutOrEmptyButNotMisspelt() {
    OutpostConfig none = loader.parse("outpost.yaml", "server: {port: 8081}\n");
    assertThat(none.care()).isEqualTo(CareConfig.defaults());
    assertThat(none.security()).isEqualTo(SecurityConfig.defaults());
    OutpostConfig empty =
        loader.parse("outpost.yaml", "care: {}\nbroadcast: {}\nalerts: {}\nenrich: {}\n");
    assertThat(empty.alerts()).isEqualTo(AlertsConfig.defaults());
    rejects("cares: {}\n", "unknown setting 'cares'");
  }

  @Test
  void hostileButValidValuesAreKeptAsText() {
    OutpostConfig c =
        loader.parse(
            "outpost.yaml",
            "topics:\n  - {id: t, name: \"<script>alert(1)</script>\u200b\", kind: brand,"
                + " query: '@acme'}\n");
    assertThat(c.topics().getFirst().name()).isEqualTo("<script>alert(1)</script>\u200b");
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings()
            .withChars("{}[]:-,'\"&*!|>%@`#\n \t\u0000\u202eabc019")
            .ofMaxLength(60),
        Arbitraries.of(
                "server", "port", "topics", "sources", "kind", "${PW}", "${X}", ": ", "\n  - ")
            .list()
            .ofMaxSize(20)
            .map(l -> String.join("", l)));
  }

  @Property(tries = 1_000)
  void anyTextGivesAConfigOrAConfigException(@ForAll("yamlish") String yaml) {
    try {
      assertThat(loader.parse("outpost.yaml", yaml)).isNotNull();
    } catch (ConfigLoader.ConfigException e) {
      assertThat(e.getMessage()).startsWith("outpost.yaml");
    }
  }
}
