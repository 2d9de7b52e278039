package dev.outpost.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  private final List<Alert> alerts = new ArrayList<>();

  private Detector detector(DetectorConfig.Baseline baseline) {
    var cfg =
        DetectorConfig.defaults()
            .withSpikes(DetectorConfig.Spikes.defaults().withBaseline(baseline));
    return new Detector(cfg, Clock.fixed(T0, ZoneOffset.UTC), alerts::add);
  }

  /** Posts as a Poisson process with a rate per hour given by the function. */
  private static void stream(
      Detector d,
      Instant from,
      Duration length,
      java.util.function.ToDoubleFunction<Instant> rate,
      Sentiment sentiment,
      long seed) {
    Random rnd = new Random(seed);
    Instant t = from;
    Instant end = from.plus(length);
    while (t.isBefore(end)) {
      double perSecond = Math.max(rate.applyAsDouble(t), 1e-6) / 3600.0;
      double gap = -Math.log(1 - rnd.nextDouble()) / perSecond;
      t = t.plusMillis((long) (gap * 1000));
      if (t.isBefore(end)) {
        d.observe(new Observation(t, "acme", sentiment, "", "", ""));
      }
    }
  }

  private List<Alert> opened(Alert.Kind kind, String subject) {
    return alerts.stream()
        .filter(a -> a.kind() == kind && a.phase() == Alert.Phase.OPENED)
        .filter(a -> a.subject().equals(subject))
        .toList();
  }

  @Test
  void steadyStreamDoesNotAlertAndBurstAlertsWithinMinutes() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    stream(d, T0, Duration.ofHours(24), t -> 30, Sentiment.UNKNOWN, 1);
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "acme")).isEmpty();
    Instant burst = T0.plus(Duration.ofHours(24));
    stream(d, burst, Duration.ofHours(1), t -> 600, Sentiment.UNKNOWN, 2);
    var open = opened(Alert.Kind.VOLUME_SPIKE, "acme");
    assertThat(open).hasSize(1);
    assertThat(Duration.between(burst, open.get(0).at())).isLessThan(Duration.ofMinutes(15));
    assertThat(open.get(0).observed()).isGreaterThan(3 * open.get(0).expected());
    d.advanceTo(burst.plus(Duration.ofHours(4)));
    assertThat(alerts)
        .anyMatch(
            a -> a.phase() == Alert.Phase.CLOSED && a.threadId().equals(open.get(0).threadId()));
  }

  @Test
  void aQuietBrandDoesNotAlertOnThreePosts() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    stream(d, T0, Duration.ofHours(12), t -> 0.5, Sentiment.UNKNOWN, 3);
    Instant t = T0.plus(Duration.ofHours(12));
    for (int i = 0; i < 3; i++) {
      d.observe(new Observation(t.plusSeconds(i), "acme", Sentiment.UNKNOWN, "", "", ""));
    }
    d.advanceTo(t.plus(Duration.ofHours(1)));
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "acme")).isEmpty();
  }

  /** A brand that is five times busier every evening: the seasonal baseline learns it. */
  private static double dailyCycle(Instant t) {
    int hour = t.atZone(ZoneOffset.UTC).getHour();
    return hour >= 18 && hour < 22 ? 150 : 30;
  }

  @Test
  void seasonalBaselineLearnsTheDailyRushThatThePrevious12HoursCallsASpike() {
    Detector seasonal = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    stream(seasonal, T0, Duration.ofDays(8), DetectorTest::dailyCycle, Sentiment.UNKNOWN, 4);
    long seasonalAlertsLastDays =
        opened(Alert.Kind.VOLUME_SPIKE, "acme").stream()
            .filter(a -> a.at().isAfter(T0.plus(Duration.ofDays(5))))
            .count();
    assertThat(seasonalAlertsLastDays).as(alerts.toString()).isZero();
    alerts.clear();
    Detector naive = detector(DetectorConfig.Baseline.PREV_12H);
    stream(naive, T0, Duration.ofDays(8), DetectorTest::dailyCycle, Sentiment.UNKNOWN, 4);
    long naiveAlertsLastDays =
        opened(Alert.Kind.VOLUME_SPIKE, "acme").stream()
            .filter(a -> a.at().isAfter(T0.plus(Duration.ofDays(5))))
            .count();
    assertThat(seasonalAlertsLastDays).as(alerts.toString()).isZero();
    assertThat(naiveAlertsLastDays).isGreaterThanOrEqualTo(2);
  }

  @Test
  void negativityShareJumpAlertsEvenWithoutVolumeSpike() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    Instant turn = T0.plus(Duration.ofHours(24));
    Random rnd = new Random(5);
    Instant t = T0;
    while (t.isBefore(turn.plus(Duration.ofHours(2)))) {
      t = t.plusSeconds(72); // 50 posts per hour, steady volume
      double negativeShare = t.isBefore(turn) ? 0.2 : 0.8;
      Sentiment s = rnd.nextDouble() < negativeShare ? Sentiment.NEGATIVE : Sentiment.POSITIVE;
      d.observe(new Observation(t, "acme", s, "", "", ""));
    }
    var neg = opened(Alert.Kind.NEGATIVITY_SPIKE, "acme");
    assertThat(neg).hasSize(1);
    assertThat(neg.get(0).at()).isAfter(turn).isBefore(turn.plus(Duration.ofMinutes(45)));
    assertThat(neg.get(0).observed()).isGreaterThan(0.5);
    assertThat(neg.get(0).expected()).isLessThan(0.3);
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "acme")).isEmpty();
  }

  @Test
  void latePostsAreCountedAtStreamTime() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    d.observe(Observation.at(T0.plus(Duration.ofHours(1))));
    d.observe(Observation.at(T0));
    assertThat(d.streamTime()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void persistenceNeedsConsecutiveAnomalousSteps() {
    var spikes = DetectorConfig.Spikes.defaults();
    spikes =
        new DetectorConfig.Spikes(
            spikes.bucket(),
            java.time.Duration.ofMinutes(1),
            spikes.minCount(),
            spikes.minRatio(),
            spikes.alpha(),
            2,
            spikes.floorPerHour(),
            spikes.quietToClose(),
            spikes.baseline(),
            spikes.sigmaK());
    Detector d =
        new Detector(
            DetectorConfig.defaults().withSpikes(spikes),
            Clock.fixed(T0, ZoneOffset.UTC),
            alerts::add);
    for (int i = 0; i < 12; i++) {
      d.observe(Observation.at(T0.plus(Duration.ofMinutes(5L * i))));
    }
    Instant burst = T0.plus(Duration.ofHours(2));
    for (int minute : new int[] {0, 2, 4}) { // bursts of 12 posts with quiet minutes between
      for (int i = 0; i < 12; i++) {
        d.observe(Observation.at(burst.plus(Duration.ofMinutes(minute)).plusSeconds(i)));
      }
    }
    d.advanceTo(burst.plus(Duration.ofMinutes(10)));
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "all")).isEmpty();
    for (int i = 0; i < 24; i++) { // two consecutive busy minutes
      d.observe(Observation.at(burst.plus(Duration.ofMinutes(20)).plusSeconds(5L * i)));
    }
    d.advanceTo(burst.plus(Duration.ofMinutes(30)));
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "all")).hasSize(1);
  }

  @Test
  void theCountGateOpensAStreakAndTheNextStepNeedsOnlyStayAnomalous() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    d.advanceTo(T0);
    for (int i = 0; i < 12; i++) { // a quiet topic: one post every 5 minutes
      d.observe(Observation.at(T0.plus(Duration.ofMinutes(5L * i))));
    }
    Instant ramp = T0.plus(Duration.ofHours(3));
    // one post a minute: 10 posts in the first 10 minutes, then 9 as the first leaves the window
    for (int minute : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13}) {
      d.observe(Observation.at(ramp.plus(Duration.ofMinutes(minute))));
    }
    d.advanceTo(ramp.plus(Duration.ofMinutes(11)));
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "all")).hasSize(1);
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "all").get(0).observed()).isEqualTo(9);
  }

  @Test
  void fewerPostsThanTheCountGateNeverOpenAStreak() {
    Detector d = detector(DetectorConfig.Baseline.SEASONAL_POISSON);
    d.advanceTo(T0);
    Instant t = T0.plus(Duration.ofHours(3));
    for (int minute = 0; minute < 60; minute++) { // 9 posts in every 10 minutes, for an hour
      if (minute % 10 != 9) {
        d.observe(Observation.at(t.plus(Duration.ofMinutes(minute))));
      }
    }
    d.advanceTo(t.plus(Duration.ofHours(2)));
    assertThat(opened(Alert.Kind.VOLUME_SPIKE, "all")).isEmpty();
  }
}
