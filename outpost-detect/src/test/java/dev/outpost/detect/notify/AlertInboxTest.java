package dev.outpost.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertInboxTest {
  private static final Instant T0 = Instant.parse("2015-02-22T20:06:00Z");

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

  private static Alert alert(String thread, Alert.Phase phase, Alert.Severity sev, Instant at) {
    return new Alert(
        thread,
        Alert.Kind.VOLUME_SPIKE,
        phase,
        sev,
        "american",
        at,
        40,
        3,
        "spike",
        "/e",
        Map.of());
  }

  @Test
  void acknowledgeSnoozeAndResolveOnTheClock() {
    SimClock clock = new SimClock();
    AlertInbox inbox = new AlertInbox(clock, 10);
    inbox.send(alert("a", Alert.Phase.OPENED, Alert.Severity.WARNING, T0));
    inbox.send(alert("b", Alert.Phase.OPENED, Alert.Severity.WARNING, T0.plusSeconds(60)));
    inbox.send(alert("a", Alert.Phase.UPDATED, Alert.Severity.WARNING, T0.plusSeconds(120)));
    assertThat(inbox.entries()).extracting(AlertInbox.Entry::threadId).containsExactly("a", "b");
    assertThat(inbox.entries().get(0).messages()).isEqualTo(2);

    assertThat(inbox.acknowledge("b")).isTrue();
    assertThat(inbox.snooze("a", Duration.ofMinutes(30))).isTrue();
    assertThat(inbox.active()).extracting(AlertInbox.Entry::threadId).containsExactly("b");
    clock.now = T0.plus(Duration.ofMinutes(31));
    assertThat(inbox.active()).extracting(AlertInbox.Entry::threadId).contains("a");

    inbox.snooze("a", Duration.ofHours(2));
    inbox.send(alert("a", Alert.Phase.UPDATED, Alert.Severity.CRITICAL, clock.now));
    assertThat(inbox.active()).extracting(AlertInbox.Entry::threadId).contains("a");

    assertThat(inbox.resolve("a")).isTrue();
    assertThat(inbox.active()).extracting(AlertInbox.Entry::threadId).containsExactly("b");
    assertThat(inbox.resolve("nope")).isFalse();
  }

  @Test
  void aThreadItsDetectorClosedNeedsNoAttention() {
    AlertInbox inbox = new AlertInbox(new SimClock(), 10);
    inbox.send(alert("a", Alert.Phase.OPENED, Alert.Severity.WARNING, T0));
    inbox.send(alert("b", Alert.Phase.OPENED, Alert.Severity.WARNING, T0));
    inbox.send(alert("a", Alert.Phase.CLOSED, Alert.Severity.INFO, T0.plusSeconds(3600)));
    assertThat(inbox.active()).extracting(AlertInbox.Entry::threadId).containsExactly("b");
    assertThat(inbox.entries()).hasSize(2);
  }

  @Test
  void keepsAtMostCapacityThreadsDroppingResolvedFirst() {
    AlertInbox inbox = new AlertInbox(new SimClock(), 2);
    inbox.send(alert("a", Alert.Phase.OPENED, Alert.Severity.WARNING, T0));
    inbox.send(alert("b", Alert.Phase.OPENED, Alert.Severity.WARNING, T0.plusSeconds(1)));
    inbox.resolve("b");
    inbox.send(alert("c", Alert.Phase.OPENED, Alert.Severity.WARNING, T0.plusSeconds(2)));
    assertThat(inbox.entries()).extracting(AlertInbox.Entry::threadId).containsExactly("c", "a");
  }
}
