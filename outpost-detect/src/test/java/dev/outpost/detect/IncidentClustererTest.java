package dev.outpost.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.detect.replay.CsvReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentClustererTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  private final List<Alert> alerts = new ArrayList<>();

  private Detector detector() {
    return new Detector(DetectorConfig.defaults(), Clock.fixed(T0, ZoneOffset.UTC), alerts::add);
  }

  @Test
  void manyAuthorsReportingTheSameProblemOpenOneNamedIncidentThatCloses() {
    Detector d = detector();
    String[] texts = {
      "@acme the app crashes every time I try to log in",
      "app crashes when I log in @acme, please fix",
      "@acme log in makes the app crash, again",
      "is the acme app down? crashes on log in",
      "acme app crashes on log in since the update",
      "after the update the acme app crashes at log in",
    };
    for (int i = 0; i < texts.length; i++) {
      d.observe(
          new Observation(
              T0.plus(Duration.ofMinutes(5L * i)),
              "acme",
              Sentiment.NEGATIVE,
              "x:user" + i,
              texts[i],
              ""));
      // unrelated chatter in between
      d.observe(
          new Observation(
              T0.plus(Duration.ofMinutes(5L * i + 1)),
              "acme",
              Sentiment.NEUTRAL,
              "x:other" + i,
              "lovely weather today number " + i + " for a walk",
              ""));
    }
    var opened =
        alerts.stream()
            .filter(a -> a.kind() == Alert.Kind.INCIDENT && a.phase() == Alert.Phase.OPENED)
            .toList();
    assertThat(opened).hasSize(1);
    Incident incident = d.incidents().get(0);
    assertThat(incident.status()).isEqualTo(Incident.Status.OPEN);
    assertThat(incident.terms()).containsAnyOf("crashes", "log in", "log");
    assertThat(incident.authors())
        .hasSizeGreaterThanOrEqualTo(5)
        .noneMatch(a -> a.contains("other"));
    d.advanceTo(T0.plus(Duration.ofHours(6)));
    assertThat(alerts)
        .anyMatch(a -> a.kind() == Alert.Kind.INCIDENT && a.phase() == Alert.Phase.CLOSED);
    assertThat(d.incidents().get(0).status()).isEqualTo(Incident.Status.CLOSED);
  }

  @Test
  void shortOrEmptyTextsAreIgnored() {
    Detector d = detector();
    for (int i = 0; i < 20; i++) {
      d.observe(
          new Observation(T0.plusSeconds(i), "acme", Sentiment.NEGATIVE, "x:u" + i, "😡", ""));
    }
    assertThat(d.incidents()).isEmpty();
  }

  @Test
  void americanAirlinesCancellationsOf22FebruaryFormIncidents() throws Exception {
    Path data = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    Path file = data.resolve("twitter_us_airline_sentiment/Tweets.csv.gz");
    assumeThat(Files.exists(file)).as("shared data absent: " + file).isTrue();
    var rows = new ArrayList<Observation>();
    for (String reason : List.of("Cancelled Flight", "Late Flight")) {
      rows.addAll(
          CsvReplay.read(
              file,
              new CsvReplay.Options(
                  Duration.ZERO,
                  true,
                  Map.of("airline", "American", "negativereason", reason),
                  Map.of("topic", "airline"))));
    }
    rows.sort(java.util.Comparator.comparing(Observation::at));
    Detector d = detector();
    rows.forEach(d::observe);
    d.advanceTo(rows.get(rows.size() - 1).at().plus(Duration.ofHours(4)));
    List<Incident> incidents = d.incidents();
    incidents.forEach(
        i ->
            System.out.println(
                i.name()
                    + " size="
                    + i.size()
                    + " authors="
                    + i.authors().size()
                    + " first="
                    + i.openedAt()
                    + " sample="
                    + i.samples().get(0)));
    assertThat(incidents).isNotEmpty();
    assertThat(incidents).anyMatch(i -> i.authors().size() >= 5);
  }
}
