package dev.outpost.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsIT {
  @TempDir static Path dataDir;
  @TempDir Path keys;
  private static Database db;
  private static final String VALUE = "xoxb-live-token-8f3a9c1d77";

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private Secrets secrets(Path keyFile) {
    Sql.exec(db.dataSource(), "DELETE FROM secrets");
    return new Secrets(
        db.dataSource(), keyFile, Clock.systemUTC(), new PostgresAuditLog(db.dataSource()));
  }

  /** Every value in every column of the secrets and audit tables, as text and hex. */
  private String dump() {
    StringBuilder sb = new StringBuilder();
    for (String table : List.of("secrets", "audit_log")) {
      for (Sql.Row r : Sql.all(db.dataSource(), "SELECT * FROM " + table)) {
        for (Object v : r.values()) {
          sb.append(
                  v instanceof byte[] b
                      ? new String(b, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(b)
                      : String.valueOf(v))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  @Test
  void valuesAreEncryptedAtRestAndNeverListed() throws Exception {
    Secrets s = secrets(keys.resolve("secrets.key"));
    s.set("slack", VALUE, "admin");
    assertThat(s.get("slack")).contains(VALUE);
    assertThat(s.resolve("secret:slack")).isEqualTo(VALUE);
    assertThat(s.resolve("plain-value")).isEqualTo("plain-value");
    assertThat(s.names()).contains("slack");
    String dump = dump();
    assertThat(dump)
        .contains("slack")
        .doesNotContain(VALUE)
        .doesNotContain(HexFormat.of().formatHex(VALUE.getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.getPosixFilePermissions(keys.resolve("secrets.key")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    assertThatThrownBy(() -> s.resolve("secret:missing"))
        .hasMessageContaining("outpost secret set missing");
  }

  @Test
  void rotationReencryptsAndAnotherKeyFileCannotRead() {
    Secrets s = secrets(keys.resolve("secrets.key"));
    s.set("webhook", VALUE, "admin");
    String before =
        Sql.one(db.dataSource(), "SELECT key_id FROM secrets WHERE name = 'webhook'").string(0);
    assertThat(s.rotate("admin")).isPositive();
    String after =
        Sql.one(db.dataSource(), "SELECT key_id FROM secrets WHERE name = 'webhook'").string(0);
    assertThat(after).isNotEqualTo(before);
    assertThat(s.get("webhook")).contains(VALUE);

    Secrets stranger =
        new Secrets(
            db.dataSource(),
            keys.resolve("other.key"),
            Clock.systemUTC(),
            new PostgresAuditLog(db.dataSource()));
    assertThatThrownBy(() -> stranger.get("webhook")).hasMessageContaining("not in");
    assertThat(
            new PostgresAuditLog(db.dataSource())
                .recent(Optional.empty(), Optional.of("secret."), Optional.empty(), 10))
        .extracting(e -> e.action())
        .contains("secret.set", "secret.rotate");
  }
}
