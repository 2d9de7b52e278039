package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandidateTest {
  @Test
  void readsAllFieldsAndIgnoresUnknownOnes() {
    Candidate c =
        Candidate.fromJson(
            "{\"network\":\"X\",\"handle\":\"@Acme_Help\",\"displayName\":\"Acme\",\"bio\":\"hi\","
                + "\"createdAt\":\"2025-12-01T10:00:00Z\",\"avatarHash\":\"00ff\","
                + "\"links\":[\"https://acme-help.com\"],\"repliesToComplaints\":2,"
                + "\"asksToDm\":true,\"followers\":12}");
    assertThat(c.network()).isEqualTo("x");
    assertThat(c.handle()).isEqualTo("Acme_Help");
    assertThat(c.createdAt()).contains(Instant.parse("2025-12-01T10:00:00Z"));
    assertThat(c.avatarHash().getAsLong()).isEqualTo(255);
    assertThat(c.links()).containsExactly("https://acme-help.com");
    assertThat(c.repliesToComplaints()).isEqualTo(2);
    assertThat(c.asksToDm()).isTrue();
  }

  @Test
  void acceptsPlainDatesAndOffsets() {
    assertThat(Candidate.fromJson("{\"handle\":\"a\",\"createdAt\":\"2025-12-01\"}").createdAt())
        .contains(Instant.parse("2025-12-01T00:00:00Z"));
    assertThat(
            Candidate.fromJson("{\"handle\":\"a\",\"createdAt\":\"2025-12-01T01:00:00+01:00\"}")
                .createdAt())
        .contains(Instant.parse("2025-12-01T00:00:00Z"));
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> Candidate.fromJson("{\"handle\":")).hasMessageContaining("JSON");
    assertThatThrownBy(() -> Candidate.fromJson("[1,2]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Candidate.fromJson("{\"bio\":\"x\"}")).hasMessageContaining("handle");
    assertThatThrownBy(() -> Candidate.fromJson("{\"handle\":\"a\",\"createdAt\":\"yesterday\"}"))
        .hasMessageContaining("createdAt");
    assertThatThrownBy(() -> Candidate.fromJson("{\"handle\":\"a\",\"avatarHash\":\"xyz\"}"))
        .hasMessageContaining("avatarHash");
    assertThatThrownBy(() -> Candidate.fromJson("{\"handle\":{\"a\":1}}"))
        .hasMessageContaining("must be a string");
    assertThatThrownBy(() -> Candidate.fromJson("{\"handle\":\"a\",\"links\":\"x\"}"))
        .hasMessageContaining("links");
    assertThatThrownBy(() -> Candidate.fromJson("")).isInstanceOf(IllegalArgumentException.class);
  }
}
