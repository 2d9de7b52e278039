package dev.outpost.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("error: " + e.getMessage());
          return e instanceof UserError u ? u.exitCode() : 1;
        });
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void americanAirlinesReplayAlertsOn22February() throws Exception {
    Path data = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    Path file = data.resolve("twitter_us_airline_sentiment/Tweets.csv.gz");
    assumeThat(Files.exists(file)).as("shared data absent: " + file).isTrue();
    Result r =
        run(
            "detect",
            "--input",
            file.toString(),
            "--sort",
            "--where",
            "airline=American",
            "--opened-only");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("kind").asText()).isEqualTo("volume_spike");
    assertThat(first.has("observed") && first.has("expected")).isTrue();
    Instant at = Instant.parse(first.get("at").asText());
    assertThat(at)
        .isBetween(Instant.parse("2015-02-22T19:50:00Z"), Instant.parse("2015-02-22T20:30:00Z"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"incident\""));
  }

  @Test
  void badInputEndsWithOneLineAndExit2() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Result r = run("detect", "--input", empty.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("empty file");
    Path disorder =
        Files.writeString(
            dir.resolve("o.csv"), "timestamp\n2024-01-01T02:00:00Z\n2024-01-01T00:00:00Z\n");
    r = run("detect", "--input", disorder.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("line 3").contains("out of order");
    r = run("detect", "--input", disorder.toString(), "--bucket", "7m");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bucket must divide one hour");
  }
}
