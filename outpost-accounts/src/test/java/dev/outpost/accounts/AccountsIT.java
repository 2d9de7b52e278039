package dev.outpost.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Permission;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsIT {
  @TempDir static Path dataDir;
  private static Database db;
  private final MutableClock clock = new MutableClock();
  private PostgresAuditLog audit;
  private Accounts accounts;

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @BeforeEach
  void clean() {
    Sql.exec(db.dataSource(), "TRUNCATE users, sessions, api_tokens, sign_in_failures CASCADE");
    audit = new PostgresAuditLog(db.dataSource());
    accounts = new Accounts(db.dataSource(), clock, audit, Accounts.Settings.DEFAULTS);
  }

  @Test
  void passwordIsStoredAsArgon2idAndChecked() {
    accounts.createUser("ana", Role.AGENT, "correct horse battery", "test");
    String stored =
        Sql.one(db.dataSource(), "SELECT password_hash FROM users WHERE name = 'ana'").string(0);
    assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain("correct horse");
    assertThat(accounts.signIn("ana", "correct horse battery", "10.0.0.1"))
        .isInstanceOf(SignIn.Ok.class);
    assertThat(accounts.signIn("ana", "wrong horse battery", "10.0.0.1"))
        .isInstanceOf(SignIn.Refused.class);
    assertThat(accounts.signIn("nobody", "correct horse battery", "10.0.0.1"))
        .isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void weakPasswordsAndBadNamesAreRefused() {
    assertThatThrownBy(() -> accounts.createUser("ana", Role.AGENT, "short", "test"))
        .hasMessageContaining("at least 12 characters");
    assertThatThrownBy(() -> accounts.createUser("Ana Smith", Role.AGENT, "long enough pw!", "t"))
        .hasMessageContaining("user name must be");
    accounts.createUser("ana", Role.AGENT, "long enough pw!", "t");
    assertThatThrownBy(() -> accounts.createUser("ana", Role.AGENT, "long enough pw!", "t"))
        .hasMessageContaining("already exists");
  }

  @Test
  void accountIsLockedAfterRepeatedFailuresEvenWithTheRightPassword() {
    accounts.createUser("ana", Role.AGENT, "correct horse battery", "test");
    for (int i = 0; i < 5; i++) {
      assertThat(accounts.signIn("ana", "guess " + i, "10.0.0." + i))
          .isInstanceOf(SignIn.Refused.class);
    }
    assertThat(accounts.signIn("ana", "correct horse battery", "10.0.0.9"))
        .isInstanceOf(SignIn.Throttled.class);
    clock.advance(Duration.ofMinutes(16));
    assertThat(accounts.signIn("ana", "correct horse battery", "10.0.0.9"))
        .isInstanceOf(SignIn.Ok.class);
    assertThat(audit.recent(Optional.of("ana"), Optional.of("user.login"), Optional.empty(), 50))
        .extracting(e -> e.action())
        .contains("user.login.failed", "user.login.throttled", "user.login");
  }

  @Test
  void oneAddressGuessingManyAccountsIsThrottled() {
    accounts.createUser("ana", Role.AGENT, "correct horse battery", "test");
    for (int i = 0; i < 20; i++) {
      accounts.signIn("user" + i, "guess", "203.0.113.7");
    }
    assertThat(accounts.signIn("ana", "correct horse battery", "203.0.113.7"))
        .isInstanceOf(SignIn.Throttled.class);
    assertThat(accounts.signIn("ana", "correct horse battery", "198.51.100.1"))
        .isInstanceOf(SignIn.Ok.class);
  }

  @Test
  void sessionsExpireWhenIdleAndAbsolutelyAndEndOnSignOut() {
    accounts.createUser("ana", Role.ANALYST, "correct horse battery", "test");
    String id = ((SignIn.Ok) accounts.signIn("ana", "correct horse battery", "a")).sessionId();
    Identity who = accounts.session(id).orElseThrow();
    assertThat(who.name()).isEqualTo("ana");
    assertThat(who.permissions()).isEqualTo(Role.ANALYST.permissions());
    assertThat(who.csrfToken()).isPresent();
    assertThat(Sql.count(db.dataSource(), "SELECT count(*) FROM sessions WHERE id_hash = ?", id))
        .as("the session id is stored only as a digest")
        .isZero();

    clock.advance(Duration.ofHours(7));
    assertThat(accounts.session(id)).isPresent();
    clock.advance(Duration.ofHours(7));
    assertThat(accounts.session(id)).as("used 7 h ago: still within 8 h idle").isPresent();
    clock.advance(Duration.ofHours(9));
    assertThat(accounts.session(id)).as("idle for 9 h").isEmpty();

    String busy = ((SignIn.Ok) accounts.signIn("ana", "correct horse battery", "a")).sessionId();
    for (int h = 0; h < 7 * 24; h += 6) {
      clock.advance(Duration.ofHours(6));
      accounts.session(busy);
    }
    assertThat(accounts.session(busy)).as("past the 7-day absolute limit").isEmpty();

    String other = ((SignIn.Ok) accounts.signIn("ana", "correct horse battery", "a")).sessionId();
    accounts.signOut(other);
    assertThat(accounts.session(other)).isEmpty();
  }

  @Test
  void disablingOrChangingPasswordEndsSessionsAndStopsTokens() {
    accounts.createUser("ana", Role.AGENT, "correct horse battery", "test");
    String id = ((SignIn.Ok) accounts.signIn("ana", "correct horse battery", "a")).sessionId();
    NewToken t = accounts.createToken("ana", "ci", EnumSet.of(Permission.VIEW), "ana");
    accounts.setPassword("ana", "another long password", "ana");
    assertThat(accounts.session(id)).isEmpty();
    assertThat(accounts.token(t.secret())).isPresent();
    accounts.setDisabled("ana", true, "admin");
    assertThat(accounts.token(t.secret())).isEmpty();
    assertThat(accounts.signIn("ana", "another long password", "a"))
        .isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void tokensAreHashedScopedAndRevocable() {
    accounts.createUser("ana", Role.AGENT, "correct horse battery", "test");
    assertThatThrownBy(() -> accounts.createToken("ana", "x", EnumSet.of(Permission.ADMIN), "ana"))
        .hasMessageContaining("permissions its user lacks");
    NewToken t =
        accounts.createToken("ana", "ci", EnumSet.of(Permission.VIEW, Permission.REPLY), "ana");
    assertThat(t.toString()).doesNotContain(t.secret());
    assertThat(
            Sql.count(
                db.dataSource(),
                "SELECT count(*) FROM api_tokens WHERE token_hash = ?",
                t.secret()))
        .isZero();
    Identity who = accounts.token(t.secret()).orElseThrow();
    assertThat(who.name()).isEqualTo("token:ci");
    assertThat(who.permissions()).containsExactlyInAnyOrder(Permission.VIEW, Permission.REPLY);
    assertThat(who.csrfToken()).isEmpty();

    accounts.setRole("ana", Role.READ_ONLY, "admin");
    assertThat(accounts.token(t.secret()).orElseThrow().permissions())
        .as("a demoted user's token shrinks with them")
        .containsExactly(Permission.VIEW);

    accounts.createUser("bob", Role.AGENT, "correct horse battery", "test");
    assertThatThrownBy(() -> accounts.revokeToken(t.token().id(), "bob", false))
        .hasMessageContaining("no token");
    accounts.revokeToken(t.token().id(), "ana", false);
    assertThat(accounts.token(t.secret())).isEmpty();
    assertThat(accounts.token("opt_made-up")).isEmpty();
    assertThat(accounts.tokens(Optional.of("ana"))).singleElement().matches(ApiToken::revoked);
  }

  @Test
  void firstAdminIsCreatedOnceWithARandomPassword() {
    String password = accounts.createFirstAdmin().orElseThrow();
    assertThat(password).hasSize(20);
    assertThat(accounts.signIn("admin", password, "a")).isInstanceOf(SignIn.Ok.class);
    assertThat(accounts.createFirstAdmin()).isEmpty();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
