package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void everyNetworkIsDiscoveredWithDocumentedFields() {
    Connectors all = Connectors.load();
    assertThat(all.types())
        .containsExactly(
            "bluesky",
            "facebook",
            "hackernews",
            "mastodon",
            "reddit",
            "rss",
            "webhook",
            "x",
            "youtube");
    for (Connector c : all.all()) {
      assertThat(c.description()).isNotBlank();
      assertThat(c.capabilities()).isNotEmpty();
      assertThat(c.fields()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
      assertThat(c.fields().stream().map(Field::name).distinct().count())
          .isEqualTo(c.fields().size());
    }
    assertThat(all.find(" Mastodon ")).isPresent();
    assertThat(all.find("myspace")).isEmpty();
  }
}
