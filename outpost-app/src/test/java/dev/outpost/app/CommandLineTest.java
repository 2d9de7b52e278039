package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes and one-line errors a person can act on. */
class CommandLineTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommands() {
    Result r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("demo", "serve");
  }

  @Test
  void unknownFlagsAreUsageErrors() {
    Result r = run("demo", "--bogus");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Result r = run("serve", "--config", dir.resolve("nope.yaml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: config file not found: ").contains("nope.yaml");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aBadConfigSaysWhere() throws IOException {
    Path config = dir.resolve("outpost.yaml");
    Files.writeString(config, "server:\n  port: 8080\n  prot: 1\n");
    Result r = run("serve", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("outpost.yaml near line")
        .contains("unknown setting 'server.prot'");
    Files.writeString(
        config,
        "topics:\n  - id: acme\n    kind: brand\n    query: acme\n  - id: x\n    kind: rival\n    query: x\n");
    r = run("serve", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("topic 'x': kind must be brand, product, competitor or campaign");
    Files.writeString(config, "server:\n  port: eighty\n");
    assertThat(run("serve", "--config", config.toString()).err()).contains("setting 'server.port'");
  }

  @Test
  void aMalformedTopicQueryIsReportedWithItsColumn() throws IOException {
    Path config = dir.resolve("outpost.yaml");
    Files.writeString(
        config,
        "server:\n  port: 0\ntopics:\n  - {id: acme, name: Acme, kind: brand, query: '(acme OR'}\n");
    Result r = run("serve", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: topic 'acme': query error at column ");
  }

  @Test
  void anUnsetEnvironmentVariableInTheConfigIsNamed() throws IOException {
    Path config = dir.resolve("outpost.yaml");
    Files.writeString(
        config,
        "database:\n  url: jdbc:postgresql://127.0.0.1/x\n  password: ${OUTPOST_NO_SUCH_VAR_42}\n");
    Result r = run("serve", "--config", config.toString());
    assertThat(r.err()).contains("line 3: environment variable OUTPOST_NO_SUCH_VAR_42 is not set");
  }

  @Test
  void anOccupiedPortIsReportedBeforeAnythingStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r =
          run(
              "demo",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--data-dir",
              dir.resolve("data").toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("error: port " + taken.getLocalPort())
          .contains("already in use")
          .contains("--port");
      assertThat(dir.resolve("data")).doesNotExist();
    }
  }

  @Test
  void anUnwritableDataDirectoryIsReported() {
    Result r = run("demo", "--port", "0", "--data-dir", "/proc/outpost-not-writable");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: data directory /proc/outpost-not-writable is not writable");
  }

  @Test
  void anUnreachableDatabaseIsReported() throws IOException {
    Path config = dir.resolve("outpost.yaml");
    Files.writeString(
        config,
        "server:\n  port: 0\ndatabase:\n  url: jdbc:postgresql://127.0.0.1:1/outpost\n"
            + "  user: outpost\n  password: secret-value\n");
    Result r = run("serve", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/outpost")
        .doesNotContain("secret-value");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertThat(run("demo", "--port", "99999").exit()).isEqualTo(2);
    assertThat(run("demo", "--speed", "-1").err()).contains("--speed must be >= 0");
    assertThat(run("demo", "--port", "eighty").exit()).isEqualTo(2);
  }
}
