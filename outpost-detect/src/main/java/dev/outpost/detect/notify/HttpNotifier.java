package dev.outpost.detect.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts alerts as JSON with {@link HttpClient}: either a generic webhook signed with HMAC-SHA256
 * ({@code X-Outpost-Timestamp} and {@code X-Outpost-Signature: sha256=HEX} over {@code timestamp +
 * "." + body}), or a Slack-compatible incoming webhook ({@code {"text": ...}}).
 */
public final class HttpNotifier implements Notifier {
  public static final String SIGNATURE_HEADER = "X-Outpost-Signature";
  public static final String TIMESTAMP_HEADER = "X-Outpost-Timestamp";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final URI url;
  private final byte[] secret;
  private final boolean slack;
  private final HttpClient client;
  private final Clock clock;

  private HttpNotifier(
      String name, URI url, byte[] secret, boolean slack, HttpClient client, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.secret = secret.clone();
    this.slack = slack;
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A generic webhook; every request is signed with the shared secret. */
  public static HttpNotifier webhook(
      String name, URI url, String secret, HttpClient client, Clock clock) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("webhook secret must have at least 16 characters");
    }
    return new HttpNotifier(
        name, url, secret.getBytes(StandardCharsets.UTF_8), false, client, clock);
  }

  /** A Slack-compatible incoming webhook (the URL is the secret). */
  public static HttpNotifier slack(String name, URI url, HttpClient client, Clock clock) {
    return new HttpNotifier(name, url, new byte[0], true, client, clock);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Alert alert) throws NotifyException {
    String body = slack ? slackBody(alert) : jsonBody(alert);
    var request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!slack) {
      String ts = Long.toString(clock.instant().getEpochSecond());
      request.header(TIMESTAMP_HEADER, ts);
      request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, ts + "." + body));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotifyException(name + ": " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifyException(name + ": interrupted", true, e);
    }
    int code = response.statusCode();
    if (code / 100 != 2) {
      boolean retriable = code == 429 || code >= 500;
      throw new NotifyException(name + ": HTTP " + code, retriable, null);
    }
  }

  /** HMAC-SHA256 of the payload, lower-case hex. */
  public static String sign(byte[] secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String jsonBody(Alert a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("thread", a.threadId());
    n.put("kind", a.kind().id());
    n.put("phase", a.phase().id());
    n.put("severity", a.severity().id());
    n.put("subject", a.subject());
    n.put("at", a.at().toString());
    n.put("observed", a.observed());
    n.put("expected", a.expected());
    n.put("summary", a.summary());
    n.put("evidence", a.evidence());
    ObjectNode d = n.putObject("details");
    new TreeMap<>(a.details()).forEach(d::put);
    return n.toString();
  }

  static String slackBody(Alert a) {
    String icon =
        switch (a.phase()) {
          case OPENED -> a.severity() == Alert.Severity.CRITICAL ? ":rotating_light:" : ":warning:";
          case UPDATED -> ":arrow_up:";
          case CLOSED -> ":white_check_mark:";
        };
    ObjectNode n = JSON.createObjectNode();
    n.put(
        "text",
        String.format(
            Locale.ROOT,
            "%s [%s %s] %s (evidence: %s)",
            icon,
            a.kind().id(),
            a.phase().id(),
            escape(a.summary()),
            a.evidence()));
    return n.toString();
  }

  /** Slack's three control characters. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
