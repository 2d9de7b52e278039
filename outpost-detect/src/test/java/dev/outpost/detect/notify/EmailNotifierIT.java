package dev.outpost.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outpost.core.Alert;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailNotifierIT {
  @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

  private static Alert alert(Alert.Phase phase) {
    return new Alert(
        "incident:incident-7",
        Alert.Kind.INCIDENT,
        phase,
        Alert.Severity.CRITICAL,
        "incident-7",
        Instant.parse("2015-02-22T20:30:00Z"),
        84,
        5,
        "incident 'flightled / cancelled / tomorrow': 90 posts from 84 authors — ✈",
        "/api/v1/incidents/incident-7",
        Map.of("name", "flightled / cancelled / tomorrow"));
  }

  private EmailNotifier notifier() {
    return new EmailNotifier(
        "ops-mail",
        new EmailNotifier.Smtp(
            "127.0.0.1",
            ServerSetupTest.SMTP.getPort(),
            false,
            Optional.empty(),
            Optional.empty(),
            "outpost@example.org",
            List.of("ops@example.org", "care@example.org")));
  }

  @Test
  void sendsOneThreadedMailPerAlertToEveryRecipient() throws Exception {
    EmailNotifier n = notifier();
    n.send(alert(Alert.Phase.OPENED));
    n.send(alert(Alert.Phase.CLOSED));
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(4); // 2 alerts x 2 recipients
    MimeMessage first = received[0];
    assertThat(first.getSubject()).startsWith("[outpost] incident opened: incident 'flightled");
    assertThat(first.getSubject()).endsWith("✈");
    assertThat(first.getHeader("References")[0]).isEqualTo("<incident_incident-7@outpost>");
    assertThat(GreenMailUtil.getBody(first)).contains("evidence: /api/v1/incidents/incident-7");
  }

  @Test
  void unreachableServerIsARetriableFailure() {
    EmailNotifier n =
        new EmailNotifier(
            "down",
            new EmailNotifier.Smtp(
                "127.0.0.1",
                1,
                false,
                Optional.empty(),
                Optional.empty(),
                "a@example.org",
                List.of("b@example.org")));
    assertThatThrownBy(() -> n.send(alert(Alert.Phase.OPENED)))
        .isInstanceOfSatisfying(NotifyException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void badAddressIsRejectedAtConstruction() {
    assertThatThrownBy(
            () ->
                new EmailNotifier.Smtp(
                    "localhost",
                    25,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    "not an address",
                    List.of("b@example.org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad e-mail address");
  }
}
