package dev.outpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertIncidentTest {
  private static final Instant T = Instant.parse("2015-02-22T20:06:00Z");

  private static Alert alert(double observed, double expected, String summary) {
    return new Alert(
        "t",
        Alert.Kind.VOLUME_SPIKE,
        Alert.Phase.OPENED,
        Alert.Severity.WARNING,
        "american",
        T,
        observed,
        expected,
        summary,
        "/e",
        Map.of());
  }

  @Test
  void alertIsValidatedAndImmutable() {
    Map<String, String> details = new HashMap<>(Map.of("a", "1"));
    Alert a =
        new Alert(
            "t",
            Alert.Kind.INCIDENT,
            Alert.Phase.UPDATED,
            Alert.Severity.CRITICAL,
            "x",
            T,
            1,
            0,
            "s",
            "/e",
            details);
    details.put("b", "2");
    assertThat(a.details()).containsOnlyKeys("a");
    assertThat(a.kind().id()).isEqualTo("incident");
    assertThatThrownBy(() -> alert(Double.NaN, 1, "s")).hasMessageContaining("finite");
    assertThatThrownBy(() -> alert(-1, 1, "s")).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> alert(1, 1, " ")).hasMessageContaining("alert summary");
  }

  @Test
  void incidentIsValidated() {
    var ok =
        new Incident(
            "i",
            "a / b",
            List.of("a", "b"),
            T,
            T,
            1,
            Set.of("x:u"),
            List.of("text"),
            List.of(new Incident.TimelinePoint(T, 1)),
            Incident.Status.OPEN);
    assertThat(ok.size()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                new Incident(
                    "i",
                    "n",
                    List.of(),
                    T,
                    T.minusSeconds(1),
                    1,
                    Set.of(),
                    List.of(),
                    List.of(),
                    Incident.Status.OPEN))
        .hasMessageContaining("before openedAt");
    assertThatThrownBy(
            () ->
                new Incident(
                    "i",
                    "n",
                    List.of(),
                    T,
                    T,
                    0,
                    Set.of(),
                    List.of(),
                    List.of(),
                    Incident.Status.OPEN))
        .hasMessageContaining("size");
  }
}
