package dev.outpost.app.alerts;

import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.ChannelException;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.detect.notify.Notifier;
import dev.outpost.detect.notify.NotifyException;
import dev.outpost.store.AlertJson;
import dev.outpost.store.StoreException;
import java.util.Optional;
import java.util.Set;

/** A notifier (webhook, Slack, e-mail) as an outbox channel that sends alert notifications. */
final class NotifierChannel implements Channel {
  private final Notifier notifier;

  NotifierChannel(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public String name() {
    return notifier.name();
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.NOTIFY);
  }

  @Override
  public Sent send(OutboxAction action) {
    try {
      notifier.send(AlertJson.readAlert(action.text()));
      return new Sent(action.key(), Optional.empty());
    } catch (IllegalArgumentException | StoreException e) {
      throw ChannelException.permanent(name() + ": " + e.getMessage());
    } catch (NotifyException e) {
      throw new ChannelException(e.getMessage(), e.retriable(), Optional.empty());
    }
  }
}
