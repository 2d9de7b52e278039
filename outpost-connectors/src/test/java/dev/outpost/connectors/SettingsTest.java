package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.connectors.Field.Type;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final List<Field> FIELDS =
      List.of(
          Field.required("baseUrl", Type.URL, "instance"),
          Field.optional("token", Type.STRING, "token").asSecret(),
          Field.optional("limit", Type.INTEGER, "40", "page size"),
          Field.optional("every", Type.DURATION, "30s", "interval"),
          Field.optional("tags", Type.LIST, "tags"),
          Field.optional("live", Type.BOOLEAN, "false", "flag"));

  @Test
  void parsesTypesAndFillsDefaults() {
    Settings s =
        Settings.parse(
            FIELDS,
            Map.of(
                "baseUrl",
                "https://mastodon.social",
                "every",
                "500ms",
                "tags",
                "a, b,,c",
                "live",
                "TRUE"));
    assertThat(s.url("baseUrl")).contains(URI.create("https://mastodon.social"));
    assertThat(s.integer("limit")).isEqualTo(40);
    assertThat(s.duration("every")).isEqualTo(Duration.ofMillis(500));
    assertThat(s.list("tags")).containsExactly("a", "b", "c");
    assertThat(s.bool("live")).isTrue();
    assertThat(s.secret("token")).isEmpty();
    assertThat(
            Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "every", "PT2M"))
                .duration("every"))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(
            Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "tags", List.of("x", 7)))
                .list("tags"))
        .containsExactly("x", "7");
  }

  @Test
  void errorsNameTheFieldAndNeverTheSecret() {
    assertThatThrownBy(() -> Settings.parse(FIELDS, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"))
        .hasMessageStartingWith("setting 'baseUrl': is required");
    assertThatThrownBy(() -> Settings.parse(FIELDS, Map.of("baseUrl", "ftp://x")))
        .hasMessageContaining("must be an http(s) or ws(s) URL");
    assertThatThrownBy(
            () -> Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "limit", "many")))
        .hasMessage("setting 'limit': must be a whole number, was 'many'");
    assertThatThrownBy(
            () -> Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "every", "soon")))
        .hasMessageContaining("setting 'every'");
    assertThatThrownBy(() -> Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "tokn", "x")))
        .hasMessageStartingWith("setting 'tokn': unknown setting");
    assertThatThrownBy(
            () ->
                Settings.parse(
                    FIELDS, Map.of("baseUrl", "http://x.org", "token", List.of("hunter2"))))
        .hasMessageNotContaining("hunter2");
    Settings s = Settings.parse(FIELDS, Map.of("baseUrl", "http://x.org", "token", "hunter2"));
    assertThat(s.toString()).contains("token=***").doesNotContain("hunter2");
    assertThat(s.secret("token").orElseThrow().toString()).isEqualTo("***");
    assertThat(s.secret("token").orElseThrow().reveal()).isEqualTo("hunter2");
  }
}
