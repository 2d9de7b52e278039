package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's Chromium through its chromedriver, never a downloaded one)
 * against the whole product on the real embedded PostgreSQL with the real airline posts: posts
 * arrive live, hostile posts render as text, the dashboard draws its charts and shows the stored
 * figures exactly, and the archive search works from the keyboard. Screenshots of the pages go to
 * {@code target/screenshots}.
 */
class BrowserIT {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dataDir;
  private static Outpost outpost;
  private static WebDriver driver;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    boolean ci = System.getenv("CI") != null;
    if (!ci) {
      assumeTrue(
          Files.isExecutable(CHROMEDRIVER),
          "skipped: /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
    }
    Path shared = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    assumeTrue(
        Files.isReadable(shared.resolve(DemoConfig.AIRLINE_FILE)),
        "skipped: ../shared/data (Twitter US Airline Sentiment) is not present");
    OutpostConfig config = DemoConfig.of("127.0.0.1", 0, dataDir, Optional.of(shared), 0);
    outpost = Outpost.start(config, Clock.systemUTC());
    outpost.pipeline().awaitDrained();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000");
    // Leave any alert open so that the test sees it instead of the driver dismissing it.
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    // Browser console messages, to see Content-Security-Policy violations.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    TestAccess.signIn(driver, outpost);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (outpost != null) {
      outpost.close();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + outpost.port() + path;
  }

  private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> await() {
    // a page being replaced by the next one leaves stale elements behind: look again
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonNode api(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(TestAccess.request(outpost, path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static void assertNoPolicyViolations() {
    List<String> violations =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(violations).as("the strict policy blocked nothing the pages need").isEmpty();
  }

  private static void assertNoAlert() {
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("an alert opened: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  void postsArriveLiveAndHostileOnesRenderAsText() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get(url("/"));
    await().until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    String title = driver.getTitle();

    Path csv = dataDir.resolve("hostile.csv");
    Files.writeString(
        csv,
        "id,network,author,created_at,text,url\n"
            + "h1,mastodon,mallory,2015-02-24T12:00:00Z,\"@united <script>alert('x')</script>"
            + " <img src=x onerror=\"\"document.title='pwned';alert(1)\"\">\",javascript:alert(1)\n"
            + "h2,mastodon,trent,2015-02-24T12:01:00Z,@united thanks for the upgrade,"
            + "https://example.org/h2\n");
    outpost
        .pipeline()
        .start(ReplaySource.ofFile("hostile", csv, ReplayFormat.OUTPOST, 0, Duration.ZERO));

    WebElement hostile =
        await()
            .until(
                d ->
                    d.findElements(By.cssSelector("#mentions li.mention")).stream()
                        .filter(li -> li.getText().contains("@mallory"))
                        .findFirst()
                        .orElse(null));
    await()
        .until(
            d ->
                d.findElements(By.cssSelector("#mentions li.mention")).stream()
                    .anyMatch(li -> li.getText().contains("thanks for the upgrade")));
    assertThat(hostile.findElement(By.cssSelector("p.text")).getText())
        .contains("<script>alert('x')</script>")
        .contains("<img src=x onerror=");
    assertThat(driver.findElements(By.cssSelector("#mentions img, #mentions script"))).isEmpty();
    assertThat(hostile.findElements(By.tagName("a")))
        .as("a javascript: link is never made a link")
        .isEmpty();
    assertNoAlert();
    assertThat(driver.getTitle()).isEqualTo(title);
    screenshot("stream.png");

    // After a reload the same posts come from the server's HTML: still text.
    driver.navigate().refresh();
    assertThat(driver.findElement(By.id("mentions")).getText()).contains("<script>alert('x')");
    assertThat(driver.findElements(By.cssSelector("#mentions img, #mentions script"))).isEmpty();
    assertNoAlert();
  }

  @Test
  void dashboardDrawsChartsAndShowsTheStoredFiguresExactly() throws Exception {
    Map<String, Long> counts = outpost.store().mentionCounts();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    driver.manage().window().setSize(new Dimension(1280, 1900));
    driver.get(url("/dashboard"));
    await().until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-rendered", "true"));
    for (String chart : List.of("volume-chart", "sentiment-chart", "sov-chart")) {
      assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas")))
          .as(chart + " is drawn")
          .isNotEmpty();
    }
    assertThat(driver.findElement(By.id("from")).getAttribute("value"))
        .as("the range defaults to the data's own first day")
        .isEqualTo(api("/api/v1/analytics/span").path("from").asText().substring(0, 10))
        .startsWith("2015-02-");
    assertThat(driver.findElement(By.id("dashboard-total")).getText())
        .isEqualTo(String.valueOf(total));
    for (var e : counts.entrySet()) {
      WebElement row =
          driver.findElement(By.cssSelector("#sov-table tr[data-topic='" + e.getKey() + "']"));
      assertThat(row.findElements(By.tagName("td")).get(2).getText())
          .as(e.getKey())
          .isEqualTo(String.valueOf(e.getValue()));
    }
    assertThat(driver.findElements(By.cssSelector("#authors-table tbody tr"))).hasSize(10);
    assertThat(driver.findElements(By.cssSelector("#hashtags-table tbody tr"))).isNotEmpty();
    assertNoAlert();
    assertNoPolicyViolations();
    Object png =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "return echarts.getInstanceByDom(document.getElementById('sov-chart'))"
                    + ".getDataURL({type: 'png'});");
    assertThat(png.toString()).startsWith("data:image/png;base64,").hasSizeGreaterThan(1_000);
    screenshot("dashboard.png");

    // The volume series over the whole range adds up to every stored mention of each topic.
    Map<String, Long> summed = new HashMap<>();
    for (JsonNode p : api("/api/v1/analytics/volume?interval=day").path("points")) {
      long n = 0;
      for (String k : List.of("negative", "neutral", "positive", "unknown")) {
        n += p.path(k).asLong();
      }
      summed.merge(p.path("topicId").asText(), n, Long::sum);
    }
    counts.forEach((topic, n) -> assertThat(summed.getOrDefault(topic, 0L)).as(topic).isEqualTo(n));

    // Filtering by a topic from the form keeps only that topic.
    driver.findElement(By.cssSelector("input[name=topic][value=united]")).click();
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    await().until(ExpectedConditions.urlContains("topic=united"));
    await().until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-rendered", "true"));
    assertThat(driver.findElements(By.cssSelector("#sov-table tbody tr"))).hasSize(1);
    assertThat(driver.findElement(By.id("dashboard-total")).getText())
        .isEqualTo(String.valueOf(counts.get("united")));
  }

  @Test
  void aTopicWrittenInTheQueryEditorIsCheckedTriedSavedAndMatchesLivePosts() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get(url("/topics"));
    WebElement query = driver.findElement(By.id("t-query"));
    assertThat(driver.findElement(By.cssSelector("label[for=t-query]")).getText())
        .isEqualTo("Query");

    query.sendKeys("(lost OR");
    await().until(ExpectedConditions.attributeToBe(By.id("t-query"), "aria-invalid", "true"));
    assertThat(driver.findElement(By.id("query-status")).getText()).startsWith("error at column");
    assertThat(driver.findElements(By.cssSelector("#preview li"))).isEmpty();

    query.sendKeys(" luggage) bag");
    await()
        .until(
            ExpectedConditions.textMatches(By.id("query-status"), Pattern.compile("^Valid: .*")));
    List<WebElement> tried = driver.findElements(By.cssSelector("#preview li p.text"));
    assertThat(tried).as("the demo's recent posts mention lost bags").isNotEmpty();
    for (WebElement text : tried) {
      assertThat(text.getText().toLowerCase(java.util.Locale.ROOT)).contains("bag");
    }
    screenshot("topics.png");
    assertThat(driver.findElement(By.id("preview-count")).getText())
        .matches("\\(\\d+ of the last \\d+ posts\\)");

    query.clear();
    query.sendKeys("zetajet OR #zetajet");
    driver.findElement(By.id("t-id")).sendKeys("zetajet");
    driver.findElement(By.id("t-name")).sendKeys("ZetaJet");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("t-kind")))
        .selectByValue("competitor");
    driver.findElement(By.id("t-save")).click();
    await()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#topics-table tr[data-topic=zetajet]")));
    assertNoPolicyViolations();

    driver.get(url("/"));
    await().until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    Path csv = dataDir.resolve("zetajet.csv");
    Files.writeString(
        csv,
        "id,network,author,created_at,text\n"
            + "z1,mastodon,quinn,2015-02-24T12:30:00Z,#ZetaJet lost my bag again\n");
    outpost
        .pipeline()
        .start(ReplaySource.ofFile("zetajet", csv, ReplayFormat.OUTPOST, 0, Duration.ZERO));
    await()
        .until(
            d ->
                d.findElements(By.cssSelector("#mentions li.mention")).stream()
                    .anyMatch(li -> li.getText().contains("#ZetaJet lost my bag again")));
    assertNoAlert();
  }

  @Test
  void mentionsAreTaggedInBulkFromTheStreamAndFilteredByTag() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get(url("/?q=lost+bag"));
    List<WebElement> boxes = driver.findElements(By.cssSelector("#mentions input.pick"));
    assertThat(boxes).hasSizeGreaterThan(3);
    List<String> ids = new java.util.ArrayList<>();
    for (WebElement box : boxes.subList(0, 3)) {
      box.click();
      ids.add(box.getAttribute("value"));
    }
    driver.findElement(By.id("bulk-tag")).sendKeys("lost-bag", Keys.ENTER);
    await().until(ExpectedConditions.textToBe(By.id("bulk-status"), "Tagged 3 mentions."));
    for (String id : ids) {
      assertThat(
              driver
                  .findElement(By.cssSelector("#mentions li[data-id='" + id + "'] .tags"))
                  .getText())
          .isEqualTo("#lost-bag");
    }
    driver.findElement(By.cssSelector("#bulk button[data-op=csv]")).click();
    assertThat(driver.findElement(By.id("bulk-status")).getText())
        .isEqualTo("3 mentions exported.");
    screenshot("bulk.png");

    driver.findElement(By.cssSelector("#mentions li[data-id='" + ids.get(0) + "'] a.tag")).click();
    await().until(ExpectedConditions.urlContains("tag=lost-bag"));
    assertThat(
            driver.findElements(By.cssSelector("#mentions li.mention")).stream()
                .map(li -> li.getAttribute("data-id"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(api("/api/v1/tags").path("tags").path("lost-bag").asLong()).isEqualTo(3);
    assertNoAlert();
    assertNoPolicyViolations();
  }

  @Test
  void archiveSearchWorksFromTheKeyboard() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get(url("/"));
    WebElement q = driver.findElement(By.id("q"));
    assertThat(driver.findElement(By.cssSelector("label[for=q]")).getText())
        .isEqualTo("Search the archive");
    q.sendKeys("lost bag", Keys.ENTER);
    await().until(ExpectedConditions.urlContains("q=lost+bag"));
    List<WebElement> found = driver.findElements(By.cssSelector("#mentions li.mention p.text"));
    assertThat(found).isNotEmpty();
    for (WebElement text : found) {
      assertThat(text.getText().toLowerCase(java.util.Locale.ROOT))
          .contains("bag")
          .contains("lost");
    }
    screenshot("search.png");
  }
}
