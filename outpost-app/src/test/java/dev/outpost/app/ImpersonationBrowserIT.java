package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.app.config.ImpersonationConfig;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The impersonation review page in a real browser (Debian's Chromium): an impostor's hostile post
 * renders as text, and the Confirm button (static script, JSON API) records the decision.
 */
class ImpersonationBrowserIT {
  @TempDir Path dataDir;

  @Test
  void aReviewerConfirmsAnImpostorFromThePage() throws Exception {
    assumeTrue(
        Browsers.available(),
        "skipped: /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
    Path posts = dataDir.resolve("impostor.csv");
    Files.writeString(
        posts,
        "id,network,author,author_name,created_at,text,url\n"
            + "i1,x,AcmeSupp0rt,Acme Support,2026-01-01T00:00:00Z,"
            + "\"@acme Acme customers: sorry! DM us <img src=x onerror=alert(1)> https://acme-refunds.co\","
            + "https://x.com/AcmeSupp0rt/status/i1\n");
    OutpostConfig base = DemoConfig.of("127.0.0.1", 0, dataDir, Optional.empty(), 0);
    OutpostConfig config =
        new OutpostConfig(
            base.server(),
            base.database(),
            List.of(new OutpostConfig.TopicEntry("acme", "Acme", "brand", "@acme OR acme")),
            List.of(),
            null,
            null,
            null,
            null,
            new ImpersonationConfig(List.of("x:@AcmeSupport", "domain:acme.com"), null, null),
            null,
            null);
    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      outpost
          .pipeline()
          .start(ReplaySource.ofFile("impostor", posts, ReplayFormat.OUTPOST, 0, Duration.ZERO));
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String queued = "[]";
      while (queued.equals("[]") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        queued =
            http.send(
                    TestAccess.request(outpost, "/api/v1/impersonation/candidates").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
      }
      assertThat(queued).as("the impostor is queued").contains("AcmeSupp0rt");
      WebDriver driver = Browsers.chromium();
      try {
        TestAccess.signIn(driver, outpost);
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get("http://127.0.0.1:" + outpost.port() + "/impersonation?status=all");
        String row = "tr[data-candidate]";
        assertThat(driver.findElement(By.cssSelector(row + " .account")).getText())
            .isEqualTo("x:@AcmeSupp0rt");
        assertThat(driver.findElement(By.cssSelector(row + " .text")).getText())
            .contains("<img src=x onerror=alert(1)>");
        assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
        driver.findElement(By.cssSelector(row + " button[data-decision=confirm]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                d ->
                    d.findElement(By.cssSelector(row + " td.status"))
                        .getText()
                        .startsWith("confirmed"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(
            shots.resolve("impersonation.png"),
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(Browsers.consoleErrors(driver))
            .as("console errors (CSP violations...)")
            .isEmpty();
      } finally {
        driver.quit();
      }
    }
  }
}
