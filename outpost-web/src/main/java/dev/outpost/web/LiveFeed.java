package dev.outpost.web;

import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes stored mentions to every connected browser (server-sent events). Slow or gone clients are
 * dropped rather than allowed to hold up the pipeline.
 */
public final class LiveFeed implements MentionListener {
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final Json json;

  LiveFeed(Json json) {
    this.json = json;
  }

  /** A feed that renders events with the server's JSON settings. */
  public static LiveFeed create() {
    return new LiveFeed(new Json());
  }

  void add(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
  }

  int clientCount() {
    return clients.size();
  }

  @Override
  public void stored(List<Mention> mentions) {
    if (clients.isEmpty()) {
      return;
    }
    String data = json.write(mentions.stream().map(MentionView::of).toList());
    for (SseClient client : clients) {
      try {
        client.sendEvent("mentions", data);
      } catch (RuntimeException e) {
        clients.remove(client);
      }
    }
  }
}
