package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedIdentityTest {
  static final Path HERE = Path.of(".");

  @Test
  void readsEveryKindAndSkipsCommentsAndBlankLines() {
    List<ProtectedIdentity> ids =
        ProtectedIdentity.parse(
            List.of(
                "# Acme",
                "",
                "x:@AcmeSupport",
                "  mastodon.social:@acme  ",
                "name:Acme Support",
                "domain:https://www.Acme.co.uk/",
                "avatar:0f0f3c3c5a5affff"),
            HERE);
    assertThat(ids)
        .extracting(ProtectedIdentity::label)
        .containsExactly(
            "x:@AcmeSupport",
            "mastodon.social:@acme",
            "name:Acme Support",
            "domain:www.acme.co.uk",
            "avatar:0f0f3c3c5a5affff");
  }

  @Test
  void malformedLinesAreNamed() {
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("x:@a", "", "AcmeSupport"), HERE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3:");
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("x:AcmeSupport"), HERE))
        .hasMessageContaining("line 1: a handle starts with @");
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("domain:not a domain"), HERE))
        .hasMessageContaining("is not a domain");
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("name:"), HERE))
        .hasMessageContaining("nothing after");
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("avatar:missing.png"), HERE))
        .hasMessageContaining("no image file");
    assertThatThrownBy(() -> ProtectedIdentity.parse(List.of("X Y:@a"), HERE))
        .hasMessageContaining("not a network name");
  }
}
