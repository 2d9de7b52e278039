package dev.outpost.care.outbox;

import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import java.util.EnumSet;
import java.util.Set;

/** A connector's connection as an outbox channel: reply, follow, message and publish. */
public final class ConnectionChannel implements Channel {
  private final Connection connection;

  public ConnectionChannel(Connection connection) {
    this.connection = connection;
  }

  @Override
  public String name() {
    return connection.name();
  }

  @Override
  public Set<ActionKind> kinds() {
    Set<ActionKind> kinds = EnumSet.noneOf(ActionKind.class);
    Set<Capability> caps = connection.capabilities();
    if (caps.contains(Capability.REPLY)) {
      kinds.add(ActionKind.REPLY);
    }
    if (caps.contains(Capability.FOLLOW)) {
      kinds.add(ActionKind.FOLLOW);
    }
    if (caps.contains(Capability.DIRECT_MESSAGE)) {
      kinds.add(ActionKind.DIRECT_MESSAGE);
    }
    if (caps.contains(Capability.PUBLISH)) {
      kinds.add(ActionKind.PUBLISH);
    }
    return kinds;
  }

  @Override
  public Sent send(OutboxAction a) throws InterruptedException {
    try {
      ActionResult r =
          switch (a.kind()) {
            case REPLY ->
                connection
                    .replier()
                    .orElseThrow(() -> unable(a))
                    .reply(a.target(), a.text(), a.key());
            case FOLLOW ->
                connection.follower().orElseThrow(() -> unable(a)).follow(a.target(), a.key());
            case DIRECT_MESSAGE ->
                connection
                    .messenger()
                    .orElseThrow(() -> unable(a))
                    .sendDirect(a.target(), a.text(), a.key());
            case PUBLISH ->
                a.target().isEmpty()
                    ? connection.publisher().orElseThrow(() -> unable(a)).publish(a.text(), a.key())
                    // a follow-up in an existing thread is a reply to the thread's last post
                    : connection
                        .replier()
                        .orElseThrow(() -> unable(a))
                        .reply(a.target(), a.text(), a.key());
            case NOTIFY -> throw unable(a);
          };
      return new Sent(r.externalId(), r.url());
    } catch (ConnectorException e) {
      throw new ChannelException(e.getMessage(), e.retriable(), e.retryAfter());
    }
  }

  private ChannelException unable(OutboxAction a) {
    return ChannelException.permanent(
        "connection '" + connection.name() + "' (" + connection.type() + ") cannot " + a.kind());
  }
}
