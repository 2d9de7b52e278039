package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.app.config.OutpostConfig;
import dev.outpost.core.Alert;
import dev.outpost.core.alerts.AlertThread;
import dev.outpost.store.PostgresAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alerts page in a real browser (Debian's Chromium): a person signs in, acknowledges, snoozes
 * and resolves alerts with the keyboard alone, sees each state change on the page, and finds it
 * kept after a reload. Every action button has a label that names its alert.
 */
class AlertsBrowserIT {
  private static final Instant T0 = Instant.parse("2015-02-22T20:06:00Z");
  @TempDir Path dir;

  private static Alert opened(String topic, int observed) {
    return new Alert(
        "volume_spike:" + topic + ":" + T0.getEpochSecond(),
        Alert.Kind.VOLUME_SPIKE,
        Alert.Phase.OPENED,
        Alert.Severity.WARNING,
        topic,
        T0,
        observed,
        4.5,
        "volume spike on " + topic + ": " + observed + " posts in 10 min <b>loud</b>",
        "/?topic=" + topic,
        Map.of("topic", topic));
  }

  @Test
  void aPersonAcknowledgesSnoozesAndResolvesAlertsWithTheKeyboard() throws Exception {
    assumeTrue(
        Browsers.available(),
        "skipped: /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dir.resolve("data").toString()),
            List.of(),
            List.of());
    Clock clock = Clock.systemUTC();
    try (Outpost outpost = Outpost.start(config, clock)) {
      PostgresAlerts alerts = new PostgresAlerts(outpost.database().dataSource());
      Alert american = opened("american", 40);
      Alert united = opened("united", 30);
      Alert delta = opened("delta", 20);
      for (Alert a : List.of(american, united, delta)) {
        alerts.record(a, clock.instant());
      }
      WebDriver driver = Browsers.chromium();
      try {
        TestAccess.signIn(driver, outpost);
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get("http://127.0.0.1:" + outpost.port() + "/alerts");
        assertThat(driver.findElement(By.id("active-count")).getText()).isEqualTo("3");
        // hostile-looking summaries render as text, in the labels too
        assertThat(driver.findElements(By.cssSelector("tr.alert b"))).isEmpty();
        for (WebElement b : driver.findElements(By.cssSelector("button[data-action]"))) {
          String thread = b.getAttribute("data-thread");
          String topic = thread.split(":")[1];
          assertThat(b.getAttribute("aria-label"))
              .as("the label names the action and its alert")
              .startsWith(b.getText().replace(" 1 h", "").trim())
              .contains("volume spike on " + topic, "<b>loud</b>");
        }

        press(driver, american, "acknowledge", Keys.ENTER);
        awaitStatus(driver, american, "acknowledged by ");
        press(driver, united, "snooze", Keys.SPACE);
        awaitStatus(driver, united, "snoozed");
        assertThat(status(driver, united)).contains(" until ");
        press(driver, delta, "resolve", Keys.ENTER);
        awaitStatus(driver, delta, "resolved");
        assertThat(driver.findElement(By.id("alert-status")).getText())
            .isEqualTo("Alert resolved: " + delta.summary());

        // the state is kept: only the acknowledged thread still needs attention
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("active-count")).getText()).isEqualTo("1");
        assertThat(driver.findElements(By.cssSelector("tr[data-thread]")))
            .extracting(e -> e.getAttribute("data-thread"))
            .containsExactly(american.threadId());
        driver.get("http://127.0.0.1:" + outpost.port() + "/alerts?status=all");
        assertThat(status(driver, united)).startsWith("snoozed");
        assertThat(status(driver, delta)).startsWith("resolved");
        Instant now = clock.instant();
        assertThat(alerts.thread(american.threadId(), now).orElseThrow().status())
            .isEqualTo(AlertThread.Status.ACKNOWLEDGED);
        assertThat(alerts.thread(united.threadId(), now).orElseThrow().snoozedUntil())
            .hasValueSatisfying(
                u -> assertThat(u).isBetween(now.plusSeconds(3000), now.plusSeconds(3700)));
        assertThat(alerts.thread(delta.threadId(), now).orElseThrow().resolvedBy()).isPresent();

        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(
            shots.resolve("alerts.png"),
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(Browsers.consoleErrors(driver)).as("console errors (CSP...)").isEmpty();
      } finally {
        driver.quit();
      }
    }
  }

  private static By button(Alert a, String action) {
    return By.cssSelector(
        "tr[data-thread='" + a.threadId() + "'] button[data-action='" + action + "']");
  }

  /** Tabs from the top of the page to the button (it must be reachable) and presses the key. */
  private static void press(WebDriver driver, Alert a, String action, Keys key) {
    WebElement target = driver.findElement(button(a, action));
    ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
    for (int i = 0; i < 100 && !driver.switchTo().activeElement().equals(target); i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(driver.switchTo().activeElement())
        .as("Tab reaches " + action + " of " + a.threadId())
        .isEqualTo(target);
    target.sendKeys(key);
  }

  private static String status(WebDriver driver, Alert a) {
    return driver
        .findElement(By.cssSelector("tr[data-thread='" + a.threadId() + "'] td.status"))
        .getText();
  }

  private static void awaitStatus(WebDriver driver, Alert a, String prefix) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> status(d, a).startsWith(prefix));
  }
}
