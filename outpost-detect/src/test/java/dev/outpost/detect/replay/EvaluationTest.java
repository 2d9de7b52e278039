package dev.outpost.detect.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three events that missed the target before ADR 0051, on the real CrisisLex timelines. */
class EvaluationTest {
  private static final Path EVENTS =
      Path.of(System.getProperty("outpost.shared.data", "../shared/data"))
          .resolve("crisislex/data/CrisisLexT26");

  private static Path timeline(String event) throws Exception {
    Path dir = EVENTS.resolve(event);
    assumeThat(Files.isDirectory(dir)).as("shared data absent: " + dir).isTrue();
    try (var files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().contains("tweetids_entire_period.csv"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static Evaluation.EventResult evaluate(String event) throws Exception {
    return Evaluation.evaluate(
        new Evaluation.Event(event, timeline(event), Map.of()), DetectorConfig.defaults());
  }

  private static void assertWithinTarget(Evaluation.EventResult r) {
    assertThat(r.delay()).as(r.toString()).isPresent();
    assertThat(r.delay().get()).as(r.toString()).isLessThanOrEqualTo(Evaluation.TARGET);
    assertThat(r.falseAlarms()).as(r.toString()).isLessThanOrEqualTo(1);
  }

  @Test
  void yolandasBurstIsTheTyphoonsFirstSustainedRiseNotALateAftershock() throws Exception {
    var rows =
        CsvReplay.read(
            timeline("2013_Typhoon_Yolanda"),
            new CsvReplay.Options(Duration.ZERO, true, Map.of(), Map.of()));
    var start = BurstStart.of(rows.stream().map(Observation::at).toList()).orElseThrow();
    // a 24-hour reference rises with the typhoon and first fired on 1 December, three weeks after
    // landfall (7 November, 20:40 UTC); a week's reference finds the rise of 6 November
    assertThat(start)
        .isBetween(Instant.parse("2013-11-06T00:00:00Z"), Instant.parse("2013-11-07T20:40:00Z"));
    assertWithinTarget(evaluate("2013_Typhoon_Yolanda"));
  }

  @Test
  void aStreamThatBeginsWithItsEventIsDetectedWhenTheTopicWasWatchedBefore() throws Exception {
    // the first matching post comes at 12:51 UTC, 31 minutes after the derailment
    var r = evaluate("2013_NY_train_crash");
    assertThat(r.burstStart()).hasValue(Instant.parse("2013-12-01T13:01:01Z"));
    assertWithinTarget(r);
  }

  @Test
  void aSlowRampAtTheCountGateIsDetected() throws Exception {
    assertWithinTarget(evaluate("2012_Philipinnes_floods"));
  }

  @Test
  void watchingStartsAtTheHourBeforeTheFirstPostsHour() {
    assertThat(Evaluation.watchFrom(Instant.parse("2013-12-01T12:51:01Z")))
        .isEqualTo(Instant.parse("2013-12-01T11:00:00Z"));
    assertThat(Evaluation.watchFrom(Instant.parse("2013-12-01T12:00:00Z")))
        .isEqualTo(Instant.parse("2013-12-01T11:00:00Z"));
  }
}
