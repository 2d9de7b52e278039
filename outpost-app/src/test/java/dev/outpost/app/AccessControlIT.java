package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.accounts.Role;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.core.Permission;
import dev.outpost.web.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the whole application and tries every declared route as nobody and as each role: 401 (or
 * the login page) without signing in, 403 for a role without the route's permission, through
 * otherwise; and a browser session's changes need the CSRF token.
 */
class AccessControlIT {
  @TempDir static Path dataDir;
  private static Outpost outpost;
  private static final Map<Role, String> BEARERS = new EnumMap<>(Role.class);
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dataDir.resolve("db").toString()),
            List.of(new OutpostConfig.TopicEntry("acme", "Acme", "brand", "acme")),
            List.of());
    outpost = Outpost.start(config, Clock.systemUTC());
    for (Role r : Role.values()) {
      BEARERS.put(r, TestAccess.bearer(outpost, r));
    }
  }

  @AfterAll
  static void stop() {
    if (outpost != null) {
      outpost.close();
    }
  }

  private HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + path))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (!method.equals("GET")) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String concrete(String path) {
    return path.replaceAll("\\{[^}]+}", "999");
  }

  @Test
  void everyRouteRefusesNobodyAndTheWrongRoles() throws Exception {
    Map<String, Routes.Access> routes = outpost.declaredRoutes();
    assertThat(routes).containsKeys("GET /api/v1/users", "POST /api/v1/tokens", "GET /admin");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (var e : routes.entrySet()) {
      if (!(e.getValue() instanceof Routes.Needs(Permission needed))) {
        continue;
      }
      String method = e.getKey().substring(0, e.getKey().indexOf(' '));
      String path = concrete(e.getKey().substring(e.getKey().indexOf(' ') + 1));
      boolean stream = path.endsWith("/stream");
      HttpResponse<String> anon = send(method, path, Map.of());
      boolean page = method.equals("GET") && !path.startsWith("/api/");
      int expectAnon = page ? 303 : 401;
      if (anon.statusCode() != expectAnon
          || (page && !anon.headers().firstValue("Location").orElse("").equals("/login"))) {
        failures.add(e.getKey() + " as nobody: " + anon.statusCode());
      }
      for (Role role : Role.values()) {
        boolean allowed = role.permissions().contains(needed);
        if (allowed && stream) {
          continue; // an allowed event stream stays open; refusal is what matters here
        }
        int status = send(method, path, Map.of("Authorization", BEARERS.get(role))).statusCode();
        if (allowed ? (status == 401 || status == 403) : status != 403) {
          failures.add(e.getKey() + " as " + role.label() + ": " + status);
        }
        checked++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void aSessionsChangesNeedItsCsrfToken() throws Exception {
    TestAccess.Session s = TestAccess.session(outpost, Role.ADMIN);
    List<String> failures = new ArrayList<>();
    for (String key : outpost.declaredRoutes().keySet()) {
      String method = key.substring(0, key.indexOf(' '));
      String path = concrete(key.substring(key.indexOf(' ') + 1));
      if (method.equals("GET") || outpost.declaredRoutes().get(key) instanceof Routes.Public) {
        continue;
      }
      HttpResponse<String> r = send(method, path, Map.of("Cookie", s.cookie()));
      if (r.statusCode() != 403 || !r.body().contains("CSRF")) {
        failures.add(key + " without token: " + r.statusCode());
      }
      HttpResponse<String> wrong =
          send(method, path, Map.of("Cookie", s.cookie(), "X-CSRF-Token", "forged"));
      if (wrong.statusCode() != 403) {
        failures.add(key + " with a wrong token: " + wrong.statusCode());
      }
    }
    assertThat(failures).isEmpty();
    HttpResponse<String> ok =
        send("POST", "/api/v1/topics", Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
    assertThat(ok.statusCode()).as("with the token the request reaches the handler").isEqualTo(400);
  }

  @Test
  void signInSetsASafeCookieAndSignOutEndsTheSession() throws Exception {
    String name = TestAccess.user(outpost, Role.AGENT);
    HttpResponse<String> wrong = form("/login", "name=" + name + "&password=nope", Map.of());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong name or password");

    HttpResponse<String> ok =
        form("/login", "name=" + name + "&password=test+password+0123", Map.of());
    assertThat(ok.statusCode()).isEqualTo(303);
    List<String> cookies = ok.headers().allValues("Set-Cookie");
    String session =
        cookies.stream().filter(c -> c.startsWith("outpost_session=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    String cookie = session.substring(0, session.indexOf(';'));
    String csrf =
        cookies.stream()
            .filter(c -> c.startsWith("outpost_csrf="))
            .map(c -> c.substring("outpost_csrf=".length(), c.indexOf(';')))
            .findFirst()
            .orElseThrow();

    assertThat(send("GET", "/account", Map.of("Cookie", cookie)).body()).contains(name);
    assertThat(send("GET", "/api/v1/users", Map.of("Cookie", cookie)).statusCode())
        .as("an agent is not an admin")
        .isEqualTo(403);
    assertThat(form("/logout", "", Map.of("Cookie", cookie)).statusCode()).isEqualTo(403);
    assertThat(form("/logout", "_csrf=" + csrf, Map.of("Cookie", cookie)).statusCode())
        .isEqualTo(303);
    assertThat(send("GET", "/api/v1/mentions", Map.of("Cookie", cookie)).statusCode())
        .isEqualTo(401);
    assertThat(
            send("GET", "/api/v1/mentions", Map.of("Cookie", cookie, "X-Forwarded-Proto", "https"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void secretsAndTokensAreNeverShownAgain() throws Exception {
    String admin = BEARERS.get(Role.ADMIN);
    String value = "hook-secret-5b1e0c7a9d";
    HttpResponse<String> put =
        send("PUT", "/api/v1/secrets/webhook-acme", Map.of("Authorization", admin));
    assertThat(put.statusCode()).isEqualTo(400);
    HttpRequest set =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + outpost.port() + "/api/v1/secrets/webhook-acme"))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"" + value + "\"}"))
            .build();
    assertThat(http.send(set, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    assertThat(outpost.secrets().resolve("secret:webhook-acme")).isEqualTo(value);
    for (String path : List.of("/api/v1/secrets", "/api/v1/audit?limit=1000", "/admin/audit")) {
      HttpResponse<String> r = send("GET", path, Map.of("Authorization", admin));
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain(value);
    }
    assertThat(send("GET", "/api/v1/secrets", Map.of("Authorization", admin)).body())
        .contains("webhook-acme");
    String tokens = send("GET", "/api/v1/tokens?all=true", Map.of("Authorization", admin)).body();
    assertThat(tokens).contains("\"name\":\"test\"");
    BEARERS.values().forEach(b -> assertThat(tokens).doesNotContain(b.substring(7)));
    assertThat(outpost.accounts().users()).isNotEmpty();
  }

  @Test
  void authorsAreMaskedForRolesWithoutPersonalData() throws Exception {
    Path csv = dataDir.resolve("people.csv");
    java.nio.file.Files.writeString(
        csv,
        "id,network,author,created_at,text,url\n"
            + "p1,mastodon,mallory_private,2026-01-01T00:00:00Z,acme lost my bag,"
            + "https://example.social/@mallory_private/1\n");
    outpost
        .pipeline()
        .start(
            dev.outpost.app.replay.ReplaySource.ofFile(
                "people",
                csv,
                dev.outpost.app.replay.ReplayFormat.OUTPOST,
                0,
                java.time.Duration.ZERO));
    outpost.pipeline().awaitDrained();
    List<String> paths =
        List.of(
            "/api/v1/mentions",
            "/api/v1/search?q=bag",
            "/api/v1/search?q=bag&format=csv",
            "/api/v1/analytics/top-authors",
            "/",
            "/dashboard");
    for (String path : paths) {
      String hidden =
          send("GET", path, Map.of("Authorization", BEARERS.get(Role.READ_ONLY))).body();
      assertThat(hidden).as(path + " as read-only").doesNotContain("mallory_private");
      String shown = send("GET", path, Map.of("Authorization", BEARERS.get(Role.ANALYST))).body();
      assertThat(shown).as(path + " as analyst").contains("mallory_private");
    }
  }

  private HttpResponse<String> form(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
