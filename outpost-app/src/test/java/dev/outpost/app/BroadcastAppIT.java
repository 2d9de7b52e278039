package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outpost.accounts.Role;
import dev.outpost.app.config.BroadcastConfig;
import dev.outpost.app.config.OutpostConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcasts in the whole application: two managers signed in through sessions (one drafts, the
 * other approves) use the /broadcasts forms with their CSRF tokens; the configured webhook gets the
 * announcement once, and the public status page shows it.
 */
@SuppressForbidden
class BroadcastAppIT {
  @TempDir static Path dataDir;
  private static Outpost outpost;
  private static HttpServer hook;
  private static final List<String> HOOK_KEYS = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        ex -> {
          ex.getRequestBody().readAllBytes();
          HOOK_KEYS.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    hook.start();
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dataDir.resolve("db").toString()),
            List.of(),
            List.of(),
            null,
            null,
            new BroadcastConfig(
                "Acme",
                null,
                List.of("checkout", "website"),
                null,
                List.of(
                    new BroadcastConfig.Webhook(
                        "partners", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook")),
                null,
                0),
            null,
            null,
            null,
            null);
    outpost = Outpost.start(config, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (outpost != null) {
      outpost.close();
    }
    hook.stop(0);
  }

  private HttpResponse<String> form(
      TestAccess.Session s, String path, Map<String, String> fields, boolean withToken)
      throws Exception {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    if (withToken) {
      body +=
          (body.isEmpty() ? "" : "&")
              + "_csrf="
              + URLEncoder.encode(s.csrf(), StandardCharsets.UTF_8);
    }
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + path))
            .header("Cookie", s.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoManagersAnnounceAnIncidentAndTheWebhookGetsItOnce() throws Exception {
    TestAccess.Session ana = TestAccess.session(outpost, Role.MANAGER);
    TestAccess.Session ben = TestAccess.session(outpost, Role.MANAGER);
    TestAccess.Session agent = TestAccess.session(outpost, Role.AGENT);
    Map<String, String> draft =
        Map.of(
            "title", "Checkout errors",
            "impact", "PARTIAL_OUTAGE",
            "components", "checkout",
            "body", "Some card payments fail; we are on it.");

    assertThat(form(ana, "/broadcasts", draft, false).statusCode()).isEqualTo(403);
    assertThat(form(agent, "/broadcasts", draft, true).statusCode()).isEqualTo(403);
    HttpResponse<String> created = form(ana, "/broadcasts", draft, true);
    assertThat(created.statusCode()).isEqualTo(303);
    String page = created.headers().firstValue("Location").orElseThrow();
    assertThat(page).matches("/broadcasts/\\d+");
    String id = page.substring(page.lastIndexOf('/') + 1);

    HttpResponse<String> self = form(ana, page + "/messages/1/approve", Map.of(), true);
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("someone other than its author");
    assertThat(form(ben, page + "/messages/1/approve", Map.of(), true).statusCode()).isEqualTo(303);
    assertThat(form(ana, page + "/messages/1/publish", Map.of(), true).statusCode()).isEqualTo(303);
    assertThat(form(ben, page + "/messages/1/publish", Map.of(), true).statusCode()).isEqualTo(303);

    String key = "broadcast:" + id + ":1:partners:1";
    for (int i = 0; i < 100 && !HOOK_KEYS.contains(key); i++) {
      Thread.sleep(100);
    }
    assertThat(HOOK_KEYS).containsExactly(key);

    HttpResponse<String> status = get("/status");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("Checkout errors").contains("partial outage");
    assertThat(get("/status.json").body()).contains("\"state\":\"partial outage\"");
  }
}
