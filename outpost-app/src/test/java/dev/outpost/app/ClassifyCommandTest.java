package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {
  @TempDir Path dir;

  private record Result(int code, List<String> out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Errors());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString().lines().toList(), err.toString());
  }

  private Path awkwardInput() throws IOException {
    Path in = dir.resolve("in.txt");
    byte[] invalid = {(byte) 0xff, (byte) 0xfe, 'o', 'k'};
    try (var o = Files.newOutputStream(in)) {
      o.write("I love this phone!\n\n".getBytes(StandardCharsets.UTF_8));
      o.write(invalid);
      o.write("\n😀😀😀\nhttps://t.co/abc\r\n".getBytes(StandardCharsets.UTF_8));
      o.write("x".repeat(1_048_576).getBytes(StandardCharsets.UTF_8));
      o.write("\nworst airline ever, my flight was cancelled".getBytes(StandardCharsets.UTF_8));
    }
    return in;
  }

  @Test
  void everyLineGetsOneResultInOrder() throws IOException {
    Path in = awkwardInput();
    for (String task : new String[] {"sentiment", "intent", "language"}) {
      Result r = run("classify", task, "--input", in.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).as(task).hasSize(7);
    }
    Result s = run("classify", "sentiment", "--input", in.toString());
    assertThat(s.out().get(0)).isEqualTo("positive");
    assertThat(s.out().get(6)).isEqualTo("negative");
    assertThat(s.out()).allMatch(l -> l.matches("negative|neutral|positive"));
  }

  @Test
  void jsonlAddsScoresAndFlagsCutLines() throws IOException {
    Result r =
        run("classify", "sentiment", "--format", "jsonl", "--input", awkwardInput().toString());
    assertThat(r.out()).hasSize(7).allMatch(l -> l.startsWith("{\"label\":\""));
    assertThat(r.out().get(5)).contains("\"truncated\":true");
    assertThat(r.out().get(0)).contains("\"truncated\":false").contains("\"scores\":{");
    Result i = run("classify", "intent", "--format", "jsonl", "--input", awkwardInput().toString());
    assertThat(i.out().get(6)).contains("complaint");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run("classify", "mood").code()).isEqualTo(2);
    Result missing = run("classify", "sentiment", "--input", dir.resolve("nope.txt").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: no such file");
    Result lang = run("classify", "language", "--languages", "en,zz", "--input", "x");
    assertThat(lang.code()).isEqualTo(2);
    assertThat(lang.err()).contains("zz");
  }
}
