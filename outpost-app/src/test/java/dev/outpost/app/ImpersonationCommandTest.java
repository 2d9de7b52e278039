package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImpersonationCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Path protectedFile;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    protectedFile =
        Files.writeString(
            dir.resolve("protected.txt"),
            "# Acme's accounts\nx:@AcmeSupport\n\nname:Acme Support\ndomain:acme.com\n");
  }

  int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Errors());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  List<JsonNode> outputLines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String l : out.toString().split("\\R")) {
      if (!l.isEmpty()) {
        nodes.add(JSON.readTree(l));
      }
    }
    return nodes;
  }

  @Test
  void scoresEveryCandidateInOrderAndKeepsMalformedLinesAligned() throws IOException {
    Path candidates =
        Files.writeString(
            dir.resolve("c.jsonl"),
            String.join(
                "\n",
                "{\"network\":\"x\",\"handle\":\"AcmeSupport\"}",
                "{\"network\":\"x\",\"handle\":\"Acme_HelpDesk\",\"bio\":\"DM us\"}",
                "{\"network\":\"x\",\"handle\":\"jnardino\",\"displayName\":\"Jon\"}",
                "this is not json",
                "",
                "{\"network\":\"x\",\"handle\":\"Acrne_Support\",\"createdAt\":\"yesterday\"}",
                "{\"network\":\"x\",\"handle\":\"ma\u0441h\",\"displayName\":\"Acme Support\"}"));
    int code =
        run(
            "impersonation",
            "--protected",
            protectedFile.toString(),
            "--candidates",
            candidates.toString(),
            "--now",
            "2026-01-01T00:00:00Z");
    assertThat(code).isZero();
    List<JsonNode> lines = outputLines();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0).get("verdict").asText()).isEqualTo("ok");
    assertThat(lines.get(0).get("score").asDouble()).isZero();
    assertThat(lines.get(1).get("verdict").asText()).isEqualTo("impersonation");
    assertThat(lines.get(1).get("handle").asText()).isEqualTo("Acme_HelpDesk");
    assertThat(lines.get(1).get("reasons").size()).isGreaterThan(1);
    assertThat(lines.get(2).get("verdict").asText()).isEqualTo("ok");
    assertThat(lines.get(3).get("error").asText()).startsWith("line 4: not valid JSON");
    assertThat(lines.get(4).get("error").asText()).isEqualTo("line 5: empty line");
    assertThat(lines.get(5).get("error").asText()).contains("line 6", "createdAt");
    assertThat(lines.get(6).get("verdict").asText()).isEqualTo("impersonation");
    assertThat(lines.get(6).get("line").asInt()).isEqualTo(7);
    assertThat(err.toString()).contains("error: line 4:", "error: line 5:", "error: line 6:");
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() throws IOException {
    Path candidates = dir.resolve("bad.jsonl");
    byte[] bad = {
      '{',
      '"',
      'h',
      'a',
      'n',
      'd',
      'l',
      'e',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      '"',
      '}',
      '\n'
    };
    Files.write(candidates, bad);
    Files.writeString(
        candidates,
        "{\"handle\":\"AcmeSupp0rt\"}\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(
            run(
                "impersonation",
                "--protected",
                protectedFile.toString(),
                "--candidates",
                candidates.toString()))
        .isZero();
    List<JsonNode> lines = outputLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).has("score")).isTrue();
    assertThat(lines.get(1).get("verdict").asText()).isEqualTo("impersonation");
  }

  @Test
  void reportOptionAddsWhereToReport() throws IOException {
    Path candidates =
        Files.writeString(
            dir.resolve("c.jsonl"), "{\"network\":\"x\",\"handle\":\"AcmeSupport_\"}\n");
    run(
        "impersonation",
        "--protected",
        protectedFile.toString(),
        "--candidates",
        candidates.toString(),
        "--report");
    JsonNode report = outputLines().get(0).get("report");
    assertThat(report.get("networkName").asText()).isEqualTo("X (Twitter)");
    assertThat(report.get("reportUrl").asText()).startsWith("https://help.x.com/");
    assertThat(report.get("account").asText()).isEqualTo("@AcmeSupport_");
    assertThat(report.get("impersonates").asText()).isEqualTo("x:@AcmeSupport");
    assertThat(report.get("evidence").size()).isGreaterThan(1);
  }

  @Test
  void allowListedAccountsScoreZero() throws IOException {
    Path allow = Files.writeString(dir.resolve("allow.txt"), "# partners\nx:@AcmeSupportUK\n");
    Path candidates =
        Files.writeString(
            dir.resolve("c.jsonl"), "{\"network\":\"x\",\"handle\":\"AcmeSupportUK\"}\n");
    assertThat(
            run(
                "impersonation",
                "--protected",
                protectedFile.toString(),
                "--candidates",
                candidates.toString(),
                "--allow",
                allow.toString()))
        .isZero();
    assertThat(outputLines().get(0).get("score").asDouble()).isZero();
  }

  @Test
  void unusableFilesAreUsageErrors() throws IOException {
    Path candidates = Files.writeString(dir.resolve("c.jsonl"), "{\"handle\":\"a\"}\n");
    assertThat(
            run(
                "impersonation",
                "--protected",
                dir.resolve("missing.txt").toString(),
                "--candidates",
                candidates.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("error: --protected", "no such file");

    Path broken = Files.writeString(dir.resolve("broken.txt"), "x:@Acme\nAcme Support\n");
    assertThat(
            run(
                "impersonation",
                "--protected",
                broken.toString(),
                "--candidates",
                candidates.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("line 2:");

    Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
    assertThat(
            run(
                "impersonation",
                "--protected",
                empty.toString(),
                "--candidates",
                candidates.toString()))
        .isEqualTo(2);

    assertThat(
            run(
                "impersonation",
                "--protected",
                protectedFile.toString(),
                "--candidates",
                dir.resolve("nope.jsonl").toString()))
        .isEqualTo(2);
    Path badAllow = Files.writeString(dir.resolve("allow.txt"), "AcmeFans\n");
    assertThat(
            run(
                "impersonation",
                "--protected",
                protectedFile.toString(),
                "--candidates",
                candidates.toString(),
                "--allow",
                badAllow.toString()))
        .isEqualTo(2);
    assertThat(run("impersonation", "--protected", protectedFile.toString())).isEqualTo(2);
  }
}
