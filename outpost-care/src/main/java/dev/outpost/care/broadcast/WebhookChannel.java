package dev.outpost.care.broadcast;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.ChannelException;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subscriber's webhook as a broadcast channel: each message is POSTed as JSON with the outbox key
 * in an {@code Idempotency-Key} header, so a receiver can drop a repeated delivery. 2xx is sent;
 * 408, 429 and 5xx are retried (honouring {@code Retry-After}); anything else fails for good.
 */
public final class WebhookChannel implements Channel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final URI url;
  private final HttpClient http;

  public WebhookChannel(String name, URI url) {
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "webhook channel '" + name + "': url must be http(s), was " + url);
    }
    this.name = name;
    this.url = url;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.PUBLISH);
  }

  @Override
  public Sent send(OutboxAction a) throws InterruptedException {
    Map<String, String> body = new LinkedHashMap<>(a.attributes());
    body.put("id", a.key());
    body.put("text", a.text());
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", a.key())
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChannelException(
          "webhook '" + name + "' unreachable: " + e.getMessage(), true, Optional.empty());
    }
    int st = r.statusCode();
    if (st / 100 == 2) {
      return new Sent(a.key(), Optional.empty());
    }
    String why = "webhook '" + name + "' answered HTTP " + st;
    if (st == 408 || st == 429 || st >= 500) {
      Optional<Duration> after =
          r.headers()
              .firstValue("Retry-After")
              .flatMap(
                  v -> {
                    try {
                      return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
                    } catch (NumberFormatException e) {
                      return Optional.empty();
                    }
                  });
      throw new ChannelException(why, true, after);
    }
    throw ChannelException.permanent(why);
  }
}
