package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BroadcastConfigTest {
  private final ConfigLoader loader =
      new ConfigLoader(Map.of("HOOK", "https://h.example/t0k")::get);

  private void rejects(String yaml, String message) {
    assertThatThrownBy(() -> loader.parse("outpost.yaml", yaml))
        .isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void leftOutItHasDefaults() {
    BroadcastConfig c = loader.parse("outpost.yaml", "server: {port: 8081}\n").broadcast();
    assertThat(c.name()).isEqualTo("Outpost");
    assertThat(c.components()).isEmpty();
    assertThat(c.channelNames()).isEmpty();
    assertThat(c.webhooks()).isEmpty();
    assertThat(c.repliesPerMinute()).isEqualTo(20);
    assertThat(c.statusCacheSeconds()).isEqualTo(5);
    assertThat(c.statusUrl("127.0.0.1", 8081)).isEqualTo("http://127.0.0.1:8081/status");
  }

  @Test
  void everySettingIsRead() {
    BroadcastConfig c =
        loader
            .parse(
                "outpost.yaml",
                """
                broadcast:
                  name: Acme
                  publicUrl: https://status.acme.example/status/
                  components: [checkout, website]
                  channels: [acme-mastodon]
                  webhooks:
                    - {name: partners, url: "${HOOK}"}
                  repliesPerMinute: 6
                  statusCacheSeconds: 0
                """)
            .broadcast();
    assertThat(c.name()).isEqualTo("Acme");
    assertThat(c.statusUrl("127.0.0.1", 1)).isEqualTo("https://status.acme.example/status");
    assertThat(c.components()).containsExactly("checkout", "website");
    assertThat(c.channelNames()).contains(List.of("acme-mastodon"));
    assertThat(c.webhooks())
        .extracting(BroadcastConfig.Webhook::url)
        .containsExactly("https://h.example/t0k");
    assertThat(c.webhooks().getFirst().toString()).doesNotContain("t0k");
    assertThat(c.repliesPerMinute()).isEqualTo(6);
    assertThat(c.statusCacheSeconds()).isZero();
  }

  @Test
  void badSettingsAreNamed() {
    rejects(
        "broadcast: {repliesPerMinute: 0}\n",
        "broadcast.repliesPerMinute must be between 1 and 600");
    rejects("broadcast: {statusCacheSeconds: 301}\n", "broadcast.statusCacheSeconds");
    rejects("broadcast: {publicUrl: ftp://x}\n", "broadcast.publicUrl must start with");
    rejects("broadcast: {components: [a, a]}\n", "'a' is listed twice");
    rejects(
        "broadcast: {webhooks: [{name: p, url: 'file:///etc/passwd'}]}\n", "url must start with");
    rejects(
        "broadcast: {webhooks: [{name: p, url: 'https://a'}, {name: p, url: 'https://b'}]}\n",
        "used twice");
    rejects("broadcast: {colour: red}\n", "unknown setting 'broadcast.colour'");
  }
}
