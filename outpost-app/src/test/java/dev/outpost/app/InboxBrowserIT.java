package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.app.config.OutpostConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Answering a case from the keyboard in a real browser, against the whole product: a complaint
 * arrives from a fake Mastodon instance through its connector, the real enricher finds it negative,
 * it becomes a case; the agent opens the inbox, presses {@code r}, types and presses Ctrl+Enter;
 * the instance receives exactly one reply in the complaint's thread.
 */
@SuppressForbidden
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxBrowserIT {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String STATUS =
      "{\"id\":\"109876\",\"created_at\":\"2026-12-04T09:00:00.000Z\",\"in_reply_to_id\":null,"
          + "\"content\":\"<p>@acme my parcel is lost, your support is useless and rude. Worst"
          + " service ever, I want a refund now! &lt;script&gt;alert(1)&lt;/script&gt;</p>\","
          + "\"spoiler_text\":\"\",\"url\":\"https://masto.test/@ana/109876\",\"language\":\"en\","
          + "\"reblog\":null,\"favourites_count\":0,\"reblogs_count\":0,\"replies_count\":0,"
          + "\"account\":{\"id\":\"14476\",\"acct\":\"ana\",\"username\":\"ana\","
          + "\"display_name\":\"Ana\",\"followers_count\":12,\"created_at\":\"2017-04-13T13:09:20.869Z\"}}";

  @TempDir static Path dataDir;
  private static HttpServer masto;
  private static final List<String> REPLIES = new CopyOnWriteArrayList<>();
  private static Outpost outpost;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    if (System.getenv("CI") == null) {
      assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: /usr/bin/chromedriver is missing");
    }
    masto = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    masto.createContext(
        "/api/v1/timelines/tag/acme",
        ex -> {
          String q = ex.getRequestURI().getQuery();
          answer(ex, q != null && q.contains("min_id") ? "[]" : "[" + STATUS + "]");
        });
    masto.createContext(
        "/api/v1/statuses",
        ex -> {
          REPLIES.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(ex, STATUS.replace("109876", "555001"));
        });
    masto.start();
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dataDir.toString()),
            List.of(new OutpostConfig.TopicEntry("acme", "Acme", "brand", "@acme OR acme")),
            List.of(
                new OutpostConfig.SourceEntry(
                    "mastodon",
                    "fedi",
                    null,
                    null,
                    null,
                    null,
                    Map.of(
                        "baseUrl", "http://127.0.0.1:" + masto.getAddress().getPort(),
                        "hashtag", "acme",
                        "accessToken", "test-token",
                        "pollInterval", "1s"))));
    outpost = Outpost.start(config, Clock.systemUTC());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (outpost != null) {
      outpost.close();
    }
    if (masto != null) {
      masto.stop(0);
    }
  }

  private static void answer(HttpExchange ex, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + outpost.port() + path;
  }

  private static JsonNode api(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(TestAccess.request(outpost, path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return HTTP.send(
        TestAccess.request(outpost, path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void anAgentAnswersTheMostUrgentCaseFromTheKeyboard() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (outpost.store().latestMentions(1, java.util.Optional.empty()).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    List<dev.outpost.core.Mention> stored =
        outpost.store().latestMentions(1, java.util.Optional.empty());
    assertThat(stored).as("the complaint was heard and stored").hasSize(1);
    JsonNode cases = api("/api/v1/cases");
    while (cases.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      cases = api("/api/v1/cases");
    }
    assertThat(cases)
        .as("the complaint became a case; enrichment: %s", stored.getFirst().enrichment())
        .hasSize(1);
    long id = cases.get(0).get("id").asLong();
    assertThat(cases.get(0).get("reasons").toString()).contains("negative");

    TestAccess.signIn(driver, outpost);
    await().until(d -> !d.getCurrentUrl().contains("/login"));
    driver.get(url("/inbox"));
    await()
        .until(
            ExpectedConditions.attributeToBe(By.cssSelector("#cases tr"), "aria-selected", "true"));
    assertThat(driver.findElement(By.cssSelector("#cases tr")).getText())
        .contains("<script>alert(1)</script>"); // hostile text shown as text
    driver.findElement(By.tagName("body")).sendKeys("j");
    driver.findElement(By.tagName("body")).sendKeys("r");
    await().until(ExpectedConditions.urlContains("/inbox/cases/" + id));
    await().until(d -> d.switchTo().activeElement().getAttribute("id").equals("reply-text"));
    driver.switchTo().activeElement().sendKeys("so sorry! We are on it.");
    driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    await().until(ExpectedConditions.textToBe(By.id("reply-result"), "Reply queued"));

    while (REPLIES.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1500); // a second send would come within the dispatcher's next polls
    assertThat(REPLIES).hasSize(1);
    JsonNode reply = JSON.readTree(REPLIES.getFirst());
    assertThat(reply.get("in_reply_to_id").asText()).isEqualTo("109876");
    assertThat(reply.get("status").asText()).isEqualTo("@ana@127.0.0.1 so sorry! We are on it.");

    driver.navigate().refresh();
    await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li.out .delivery"), "sent"));
    assertThat(driver.findElement(By.id("case-sla")).getText()).startsWith("First response sent");

    // the agent corrects what the model read in the complaint: stored for the next training
    org.openqa.selenium.WebElement correction =
        driver.findElement(By.cssSelector("#messages li.in form.correction"));
    new org.openqa.selenium.support.ui.Select(correction.findElement(By.tagName("select")))
        .selectByValue("neutral");
    correction.findElement(By.tagName("button")).click();
    await()
        .until(
            ExpectedConditions.textToBePresentInElement(
                correction.findElement(By.cssSelector("[role=status]")), "corrected to neutral"));
    JsonNode corrections = api("/api/v1/corrections");
    assertThat(corrections.toString())
        .contains("\"mentionId\":" + stored.getFirst().id())
        .contains("\"sentiment\":\"neutral\"");
    List<String> violations =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(2)
  void theApiRefusesWhatWouldHurtAndRecordsTheRest() throws Exception {
    long id = api("/api/v1/cases").get(0).get("id").asLong();
    String base = "/api/v1/cases/" + id;
    HttpResponse<String> again = send("POST", base + "/reply", "{\"text\": \"me too\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    // the API token's user is another agent than the one signed in to the browser
    assertThat(again.body()).containsAnyOf("already answered", "is assigned to");
    HttpResponse<String> tooLong =
        send("POST", base + "/reply", "{\"text\": \"" + "a".repeat(600) + "\", \"force\": true}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("the limit is 500");
    assertThat(send("POST", "/api/v1/cases/987654/notes", "{\"text\": \"x\"}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> form =
        HTTP.send(
            TestAccess.request(outpost, base + "/notes")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).as("a cross-site form post").isEqualTo(400);
    assertThat(send("POST", base + "/notes", "{\"text\": \"refund approved\"}").statusCode())
        .isEqualTo(200);
    assertThat(send("PUT", base + "/tags", "{\"tags\": [\"refund\"]}").statusCode()).isEqualTo(200);
    assertThat(
            send("PUT", "/api/v1/saved-replies/sorry", "{\"body\": \"Sorry {{author.name}}!\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            send("POST", base + "/status", "{\"status\": \"resolved\", \"reason\": \"refunded\"}")
                .statusCode())
        .isEqualTo(200);
    JsonNode c = api(base);
    assertThat(c.get("status").asText()).isEqualTo("resolved");
    assertThat(c.get("tags").toString()).contains("refund");
    assertThat(c.get("history").toString()).contains("refund approved", "resolved: refunded");
    assertThat(api("/api/v1/saved-replies").get("sorry").asText())
        .isEqualTo("Sorry {{author.name}}!");
  }
}
