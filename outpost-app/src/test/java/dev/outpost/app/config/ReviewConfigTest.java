package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The impersonation: and enrich: sections (issues 10 and 5). */
class ReviewConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  @Test
  void impersonationIdentitiesAndAllowListAreReadAndCheckedAtLoad() {
    OutpostConfig c =
        loader.parse(
            "outpost.yaml",
            "impersonation:\n"
                + "  identities: ['x:@AcmeSupport', 'name:Acme Support', 'domain:acme.com']\n"
                + "  allow: ['@AcmeFanClub']\n"
                + "  minScore: 0.7\n");
    assertThat(c.impersonation().enabled()).isTrue();
    assertThat(c.impersonation().minScore()).isEqualTo(0.7);
    assertThat(c.impersonation().identities()).hasSize(3);
    assertThat(loader.parse("outpost.yaml", "server: {port: 8081}\n").impersonation().enabled())
        .isFalse();

    assertThatThrownBy(
            () -> loader.parse("outpost.yaml", "impersonation:\n  identities: ['acme']\n"))
        .isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessageContaining("impersonation.identities: entry 1");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "outpost.yaml",
                    "impersonation:\n  identities: ['x:@Acme']\n  allow: ['AcmeFan']\n"))
        .hasMessageContaining("impersonation.allow");
    assertThatThrownBy(() -> loader.parse("outpost.yaml", "impersonation:\n  minScore: 2\n"))
        .hasMessageContaining("impersonation.minScore");
  }

  @Test
  void enrichModelNamesATrainedModelFile() {
    assertThat(EnrichConfig.defaults().modelFile()).isEmpty();
    OutpostConfig c = loader.parse("outpost.yaml", "enrich:\n  model: models/ours.bin.gz\n");
    assertThat(c.enrich().modelFile()).contains(Path.of("models/ours.bin.gz"));
    assertThatThrownBy(() -> loader.parse("outpost.yaml", "enrich:\n  model: model.onnx\n"))
        .hasMessageContaining("enrich.model");
  }
}
