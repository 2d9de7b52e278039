package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outpost bench pipeline} runs both configurations and prints comparable figures. */
class PipelineBenchIT {
  @TempDir Path dir;

  @Test
  void printsBothRunsAndASummaryLast() {
    Path data = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    assumeTrue(
        Files.isDirectory(data.resolve("twitter_us_airline_sentiment")),
        "skipped: ../shared/data is not present");
    StringWriter out = new StringWriter();
    int exit =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "bench",
            "pipeline",
            "--posts",
            "3000",
            "--rounds",
            "1",
            "--data",
            data.toString(),
            "--work-dir",
            dir.toString());
    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.getLast())
        .startsWith("{\"benchmark\":\"pipeline\",\"posts\":3000")
        .contains(
            "\"baseline\":{\"run\":\"enrichment-off\"", "\"outpost\":{\"run\":\"enrichment-on\"");
    // Both runs store the same mentions: enrichment changes what is stored, not what matched.
    String offMentions = lines.get(0).replaceAll(".*\"mentions\":(\\d+).*", "$1");
    String onMentions = lines.get(1).replaceAll(".*\"mentions\":(\\d+).*", "$1");
    assertThat(Long.parseLong(offMentions)).isPositive();
    assertThat(onMentions).isEqualTo(offMentions);
  }
}
