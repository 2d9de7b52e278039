package dev.outpost.care.inbox;

import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.ChannelException;
import dev.outpost.core.Alert;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.detect.notify.Notifier;
import dev.outpost.detect.notify.NotifyException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One of the alert notifiers (webhook, Slack, e-mail) as an outbox channel, so that escalations
 * reach a lead through the outbox (sent once, retried with backoff). An escalation is sent as an
 * alert of kind {@code incident} whose subject is the case ({@code case:42}) and whose evidence is
 * the case page.
 */
public final class NotifierChannel implements Channel {
  private final Notifier notifier;
  private final Clock clock;

  public NotifierChannel(Notifier notifier, Clock clock) {
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  public String name() {
    return notifier.name();
  }

  @Override
  public Set<ActionKind> kinds() {
    return EnumSet.of(ActionKind.PUBLISH);
  }

  @Override
  public Sent send(OutboxAction a) {
    String caseId = a.attributes().getOrDefault("case", "");
    Alert alert =
        new Alert(
            a.key(),
            Alert.Kind.INCIDENT,
            Alert.Phase.OPENED,
            Alert.Severity.WARNING,
            caseId.isEmpty() ? a.key() : "case:" + caseId,
            clock.instant(),
            0,
            0,
            a.text(),
            caseId.isEmpty() ? "/inbox" : "/inbox/cases/" + caseId,
            Map.of("queue", a.attributes().getOrDefault("queue", "")));
    try {
      notifier.send(alert);
    } catch (NotifyException e) {
      throw new ChannelException(e.getMessage(), e.retriable(), Optional.empty());
    }
    return new Sent(a.key(), Optional.empty());
  }
}
