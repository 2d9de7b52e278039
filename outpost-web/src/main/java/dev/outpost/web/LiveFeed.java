package dev.outpost.web;

import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes stored mentions to every connected browser (server-sent events). Slow or gone clients are
 * dropped rather than allowed to hold up the pipeline.
 */
public final class LiveFeed implements MentionListener {
  /** Each client, and whether it must not see personal data. */
  private final java.util.Map<SseClient, Boolean> clients = new ConcurrentHashMap<>();

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
    clients.put(client, PersonalData.hidden(client.ctx()));
  }

  int clientCount() {
    return clients.size();
  }

  @Override
  public void stored(List<Mention> mentions) {
    if (clients.isEmpty()) {
      return;
    }
    String[] data = new String[2];
    for (var entry : clients.entrySet()) {
      SseClient client = entry.getKey();
      boolean hide = entry.getValue();
      int i = hide ? 1 : 0;
      if (data[i] == null) {
        data[i] = json.write(mentions.stream().map(m -> PersonalData.view(m, hide)).toList());
      }
      try {
        client.sendEvent("mentions", data[i]);
      } catch (RuntimeException e) {
        clients.remove(client);
      }
    }
  }
}
