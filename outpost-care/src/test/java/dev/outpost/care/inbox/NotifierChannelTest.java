package dev.outpost.care.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.care.outbox.ChannelException;
import dev.outpost.core.Alert;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.detect.notify.Notifier;
import dev.outpost.detect.notify.NotifyException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierChannelTest {
  /** A notifier that keeps what it was sent, or fails as told. */
  static final class Keeping implements Notifier {
    final List<Alert> sent = new ArrayList<>();
    NotifyException failure;

    @Override
    public String name() {
      return "leads";
    }

    @Override
    public void send(Alert alert) throws NotifyException {
      if (failure != null) {
        throw failure;
      }
      sent.add(alert);
    }
  }

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
  private final OutboxAction escalation =
      new OutboxAction(
          "case:7:escalation:1",
          "leads",
          ActionKind.PUBLISH,
          "",
          "Case 7 escalated: SLA",
          Map.of("case", "7", "queue", "vip"));

  @Test
  void anEscalationReachesTheNotifierAsAnAlertAboutTheCase() {
    Keeping n = new Keeping();
    new NotifierChannel(n, clock).send(escalation);
    Alert a = n.sent.getFirst();
    assertThat(a.subject()).isEqualTo("case:7");
    assertThat(a.summary()).isEqualTo("Case 7 escalated: SLA");
    assertThat(a.evidence()).isEqualTo("/inbox/cases/7");
    assertThat(a.threadId()).isEqualTo("case:7:escalation:1");
  }

  @Test
  void aFailureKeepsWhetherARetryCanHelp() {
    Keeping n = new Keeping();
    n.failure = new NotifyException("HTTP 503", true, null);
    assertThatThrownBy(() -> new NotifierChannel(n, clock).send(escalation))
        .isInstanceOf(ChannelException.class)
        .hasMessage("HTTP 503")
        .satisfies(e -> assertThat(((ChannelException) e).retriable()).isTrue());
  }
}
