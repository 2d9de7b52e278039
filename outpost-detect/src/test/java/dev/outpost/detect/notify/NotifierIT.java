package dev.outpost.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outpost.core.Alert;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressForbidden(reason = "local fake webhook server from the jdk.httpserver module")
class NotifierIT {
  private static final Instant T0 = Instant.parse("2015-02-22T20:06:00Z");
  private static final String SECRET = "0123456789abcdef-secret";

  private record Received(String path, String body, String signature, String timestamp) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  ex.getRequestURI().getPath(),
                  body,
                  ex.getRequestHeaders().getFirst(HttpNotifier.SIGNATURE_HEADER),
                  ex.getRequestHeaders().getFirst(HttpNotifier.TIMESTAMP_HEADER)));
          int code = failNext.getAndSet(0);
          ex.sendResponseHeaders(code == 0 ? 200 : code, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static Alert alert(Alert.Phase phase, Instant at, Alert.Severity sev, double observed) {
    return new Alert(
        "volume_spike:american:1",
        Alert.Kind.VOLUME_SPIKE,
        phase,
        sev,
        "american",
        at,
        observed,
        2.5,
        "volume spike on american: <b>" + (int) observed + "</b> posts in 10 min",
        "/api/v1/mentions?topic=american",
        Map.of("p_value", "1e-9"));
  }

  @Test
  void webhookIsSignedWithHmacSha256OverTimestampAndBody() throws Exception {
    var hook = HttpNotifier.webhook("hook", url("/hook"), SECRET, client, clock);
    hook.send(alert(Alert.Phase.OPENED, T0, Alert.Severity.WARNING, 40));
    Received r = received.get(0);
    assertThat(r.timestamp()).isEqualTo(Long.toString(T0.getEpochSecond()));
    String expected =
        "sha256="
            + HttpNotifier.sign(
                SECRET.getBytes(StandardCharsets.UTF_8), r.timestamp() + "." + r.body());
    assertThat(r.signature()).isEqualTo(expected);
    assertThat(r.body()).contains("\"kind\":\"volume_spike\"").contains("\"phase\":\"opened\"");
    // a tampered body does not verify
    assertThat(
            HttpNotifier.sign(
                SECRET.getBytes(StandardCharsets.UTF_8), r.timestamp() + "." + r.body() + " "))
        .isNotEqualTo(r.signature().substring(7));
  }

  @Test
  void slackGetsEscapedTextAndFailuresAreClassified() throws Exception {
    var slack = HttpNotifier.slack("slack", url("/slack"), client, clock);
    slack.send(alert(Alert.Phase.OPENED, T0, Alert.Severity.CRITICAL, 40));
    assertThat(received.get(0).body())
        .startsWith("{\"text\":")
        .contains("&lt;b&gt;40&lt;/b&gt;")
        .contains(":rotating_light:");
    assertThat(received.get(0).signature()).isNull();
    failNext.set(503);
    try {
      slack.send(alert(Alert.Phase.UPDATED, T0, Alert.Severity.CRITICAL, 80));
      throw new AssertionError("expected a failure");
    } catch (NotifyException e) {
      assertThat(e.retriable()).isTrue();
    }
    failNext.set(403);
    try {
      slack.send(alert(Alert.Phase.UPDATED, T0, Alert.Severity.CRITICAL, 80));
      throw new AssertionError("expected a failure");
    } catch (NotifyException e) {
      assertThat(e.retriable()).isFalse();
    }
  }

  @Test
  void routerSendsOneThreadWithThrottledUpdates() {
    var hook = HttpNotifier.webhook("hook", url("/hook"), SECRET, client, clock);
    var router =
        new AlertRouter(
            List.of(
                new AlertRouter.Rule(
                    Set.of(Alert.Kind.VOLUME_SPIKE),
                    Pattern.compile("american.*"),
                    Alert.Severity.WARNING,
                    List.of("hook"))),
            List.of(hook),
            Duration.ofMinutes(15));
    router.alert(alert(Alert.Phase.OPENED, T0, Alert.Severity.WARNING, 20));
    router.alert(alert(Alert.Phase.OPENED, T0.plusSeconds(60), Alert.Severity.WARNING, 20));
    router.alert(alert(Alert.Phase.UPDATED, T0.plusSeconds(120), Alert.Severity.WARNING, 40));
    router.alert(alert(Alert.Phase.UPDATED, T0.plusSeconds(180), Alert.Severity.CRITICAL, 80));
    router.alert(alert(Alert.Phase.UPDATED, T0.plusSeconds(240), Alert.Severity.CRITICAL, 160));
    router.alert(alert(Alert.Phase.UPDATED, T0.plusSeconds(1200), Alert.Severity.CRITICAL, 320));
    router.alert(alert(Alert.Phase.CLOSED, T0.plusSeconds(4000), Alert.Severity.INFO, 3));
    assertThat(received)
        .extracting(
            r -> r.body().replaceAll(".*\"phase\":\"(\\w+)\".*\"observed\":([0-9.]+).*", "$1 $2"))
        .containsExactly("opened 20.0", "updated 80.0", "updated 320.0", "closed 3.0");
    assertThat(router.sent()).isEqualTo(4);
  }
}
