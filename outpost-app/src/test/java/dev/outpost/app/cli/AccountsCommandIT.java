package dev.outpost.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outpost user ...} and {@code outpost secret ...} against an embedded database. */
class AccountsCommandIT {
  @TempDir Path dataDir;

  private String run(String stdin, String... args) {
    InputStream before = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return code + "|" + out + err;
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void usersAndSecretsFromTheCommandLine() throws Exception {
    String dir = dataDir.toString();
    assertThat(
            run(
                "long enough password\n",
                "user",
                "add",
                "ana",
                "--role",
                "agent",
                "--data-dir",
                dir))
        .startsWith("0|")
        .contains("user ana added with role agent");
    assertThat(run("short\n", "user", "passwd", "ana", "--data-dir", dir))
        .startsWith("2|")
        .contains("at least 12 characters");
    assertThat(run("", "user", "add", "bob", "--role", "boss", "--data-dir", dir))
        .startsWith("2|")
        .contains("role must be one of read-only, analyst, agent, manager, admin");
    assertThat(run("", "user", "disable", "ana", "--data-dir", dir)).startsWith("0|");

    assertThat(run("tok-123-secret\n", "secret", "set", "mastodon", "--data-dir", dir))
        .startsWith("0|")
        .contains("secret:mastodon")
        .doesNotContain("tok-123-secret");
    assertThat(run("", "secret", "list", "--data-dir", dir))
        .isEqualTo("0|mastodon" + System.lineSeparator());
    assertThat(run("", "secret", "rotate", "--data-dir", dir))
        .startsWith("0|1 secrets re-encrypted");
    assertThat(Files.readAllLines(dataDir.resolve("secrets.key"))).hasSize(2);
  }
}
