package dev.outpost.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Alert;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViralDetectorTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  /** A clock the test moves by hand. */
  private static final class SimClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final List<Alert> alerts = new ArrayList<>();
  private final SimClock clock = new SimClock();
  private final Detector detector = new Detector(DetectorConfig.defaults(), clock, alerts::add);

  private Instant start = T0;

  private Post post(String id, long followers, boolean verified, long reposts, long likes) {
    Author a = new Author("x", "user" + id, "", followers, verified, Optional.empty());
    return new Post(
        "x",
        id,
        a,
        "text " + id,
        "en",
        T0,
        Optional.empty(),
        Optional.empty(),
        new Metrics(likes, reposts, 0, 0));
  }

  /** Sees the post every 10 minutes for an hour with engagement growing per step. */
  private void grow(String id, long followers, boolean verified, Sentiment s, long repostsPerStep) {
    for (int step = 0; step <= 6; step++) {
      clock.now = start.plus(Duration.ofMinutes(10L * step));
      detector.observeMetrics(
          post(id, followers, verified, repostsPerStep * step, 2 * repostsPerStep * step), s);
    }
  }

  private List<Alert> opened(String id) {
    return alerts.stream()
        .filter(a -> a.kind() == Alert.Kind.VIRAL_POST && a.phase() == Alert.Phase.OPENED)
        .filter(a -> a.subject().equals("x:" + id))
        .toList();
  }

  @Test
  void smallAccountGoingFastIsViral() {
    grow("1", 200, false, Sentiment.NEUTRAL, 20); // 60 reposts and 120 likes an hour
    assertThat(opened("1")).hasSize(1);
    assertThat(opened("1").get(0).observed()).isGreaterThan(opened("1").get(0).expected() * 10);
  }

  @Test
  void sameGrowthIsNormalForABigAccount() {
    grow("2", 2_000_000, false, Sentiment.NEUTRAL, 20);
    assertThat(opened("2")).isEmpty();
  }

  @Test
  void negativePostAndInfluencerAreBoosted() {
    // 6 reposts + 12 likes per 10 min = 180 engagement/h; 30k followers expect 32/h: score 5.6
    grow("3", 30_000, false, Sentiment.NEUTRAL, 6);
    assertThat(opened("3")).isEmpty();
    start = T0.plus(Duration.ofHours(2));
    grow("4", 30_000, false, Sentiment.NEGATIVE, 6);
    assertThat(opened("4")).isEmpty(); // 5.6 x 1.5 = 8.4
    start = T0.plus(Duration.ofHours(4));
    grow("5", 30_000, true, Sentiment.NEGATIVE, 6);
    assertThat(opened("5")).hasSize(1); // 5.6 x 1.5 x 1.5 = 12.7
  }

  @Test
  void threadClosesAfterTheHorizon() {
    grow("6", 100, false, Sentiment.NEGATIVE, 30);
    clock.now = T0.plus(Duration.ofHours(49));
    detector.tick();
    assertThat(alerts).anyMatch(a -> a.phase() == Alert.Phase.CLOSED && a.subject().equals("x:6"));
  }
}
