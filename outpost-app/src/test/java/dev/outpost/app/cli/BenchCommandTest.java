package dev.outpost.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.bench.match.RealPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void benchMatchEndsWithAOneLineJsonSummaryAndIdenticalMatches() {
    Assumptions.assumeTrue(
        Files.isDirectory(RealPosts.sharedData().resolve("twitter_us_airline_sentiment")),
        "shared data not found: skipping the bench smoke test");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    int code = cli.execute("match", "--queries", "300", "--posts", "500", "--threads", "2");
    List<String> lines = out.toString().strip().lines().toList();
    String last = lines.getLast();
    assertThat(code).isZero();
    assertThat(last).startsWith("{\"queries\":300,\"posts\":500,\"threads\":2,").endsWith("}");
    assertThat(last).contains("\"identical\":true").contains("\"outpost_posts_per_s\":");
  }

  @Test
  void rejectsBadNumbersWithExit2() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("error: " + e.getMessage());
          return e instanceof UserError u ? u.exitCode() : 1;
        });
    assertThat(cli.execute("match", "--queries", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("at least 1");
  }
}
