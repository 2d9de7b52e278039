package dev.outpost.accounts;

import dev.outpost.core.Permission;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Outpost's accounts: users with roles, sign-in with throttling, server-side sessions and API
 * tokens (see {@code docs/security.md}). Every change is written to the audit log.
 */
public final class Accounts {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * @param idleTimeout a session not used for this long ends
   * @param absoluteTimeout a session ends this long after sign-in, however busy
   * @param maxFailures failures in a row after which an account is locked for {@code lockout}
   * @param maxFailuresPerAddress failures from one address within {@code lockout} after which that
   *     address is refused until they age out
   */
  public record Settings(
      Duration idleTimeout,
      Duration absoluteTimeout,
      int maxFailures,
      int maxFailuresPerAddress,
      Duration lockout) {
    public static final Settings DEFAULTS =
        new Settings(Duration.ofHours(8), Duration.ofDays(7), 5, 20, Duration.ofMinutes(15));
  }

  private final DataSource db;
  private final Clock clock;
  private final AuditLog audit;
  private final Settings settings;

  public Accounts(DataSource db, Clock clock, AuditLog audit, Settings settings) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  // ---- users

  /**
   * Creates a user.
   *
   * @throws IllegalArgumentException for a bad name, a weak password or a name already taken
   */
  public User createUser(String name, Role role, String password, String actor) {
    checkName(name);
    Passwords.checkStrength(password);
    Instant now = clock.instant();
    String hash = Passwords.hash(password);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
      ps.setString(1, name);
      ps.setString(2, role.name());
      ps.setString(3, hash);
      ps.setTimestamp(4, Timestamp.from(now));
      if (ps.executeUpdate() == 0) {
        throw new IllegalArgumentException("user '" + name + "' already exists");
      }
    } catch (SQLException e) {
      throw failed("creating user " + name, e);
    }
    audit.record(
        new AuditEvent(now, actor, "user.create", "user:" + name, Map.of("role", role.label())));
    return new User(name, role, false, now);
  }

  /**
   * On a database without users, creates {@code admin} with a random password and returns that
   * password (to be shown once, never logged); otherwise empty.
   */
  public Optional<String> createFirstAdmin() {
    if (!users().isEmpty()) {
      return Optional.empty();
    }
    String password = Passwords.generate();
    createUser("admin", Role.ADMIN, password, "system");
    return Optional.of(password);
  }

  /** Gives a user a new random password (the demo's admin at each start) and returns it. */
  public String resetPassword(String name, String actor) {
    String password = Passwords.generate();
    setPassword(name, password, actor);
    return password;
  }

  public List<User> users() {
    return Sql.all(db, "SELECT name, role, disabled, created_at FROM users ORDER BY name").stream()
        .map(Accounts::user)
        .toList();
  }

  public Optional<User> user(String name) {
    return Optional.ofNullable(
            Sql.one(db, "SELECT name, role, disabled, created_at FROM users WHERE name = ?", name))
        .map(Accounts::user);
  }

  /** Changes a password and signs the user out everywhere. */
  public void setPassword(String name, String password, String actor) {
    Passwords.checkStrength(password);
    update(
        name,
        "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL"
            + " WHERE name = ?",
        Passwords.hash(password));
    revokeSessions(name);
    audit.record(AuditEvent.of(clock.instant(), actor, "user.password", "user:" + name));
  }

  public void setRole(String name, Role role, String actor) {
    update(name, "UPDATE users SET role = ? WHERE name = ?", role.name());
    audit.record(
        new AuditEvent(
            clock.instant(), actor, "user.role", "user:" + name, Map.of("role", role.label())));
  }

  /** Disables (or enables) an account; disabling ends its sessions and stops its tokens. */
  public void setDisabled(String name, boolean disabled, String actor) {
    update(name, "UPDATE users SET disabled = ? WHERE name = ?", disabled);
    if (disabled) {
      revokeSessions(name);
    }
    audit.record(
        AuditEvent.of(
            clock.instant(), actor, disabled ? "user.disable" : "user.enable", "user:" + name));
  }

  private void update(String name, String sql, Object value) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, value);
      ps.setString(2, name);
      if (ps.executeUpdate() == 0) {
        throw new IllegalArgumentException("no user '" + name + "'");
      }
    } catch (SQLException e) {
      throw failed("changing user " + name, e);
    }
  }

  // ---- sign-in and sessions

  /**
   * Checks a name and password from {@code address} (the client's IP address). Refuses while the
   * account or the address is throttled, without even checking the password.
   */
  public SignIn signIn(String name, String password, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(settings.lockout());
    Sql.Row row =
        Sql.one(
            db,
            "SELECT password_hash, disabled, locked_until, role FROM users" + " WHERE name = ?",
            name);
    int fromAddress =
        Sql.count(
            db,
            "SELECT count(*) FROM sign_in_failures WHERE address = ?" + " AND at > ?",
            address,
            Timestamp.from(since));
    if (fromAddress >= settings.maxFailuresPerAddress()) {
      audit.record(
          new AuditEvent(
              now, name, "user.login.throttled", "user:" + name, Map.of("address", address)));
      return new SignIn.Throttled(now.plus(settings.lockout()));
    }
    if (row != null && row.instant(2) != null && row.instant(2).isAfter(now)) {
      audit.record(
          new AuditEvent(
              now, name, "user.login.throttled", "user:" + name, Map.of("address", address)));
      return new SignIn.Throttled(row.instant(2));
    }
    boolean ok =
        Passwords.matches(
            password == null ? "" : password, row == null ? Passwords.DUMMY : row.string(0));
    if (!ok || row == null || row.bool(1)) {
      Sql.exec(
          db,
          "INSERT INTO sign_in_failures (address, at) VALUES (?, ?)",
          address,
          Timestamp.from(now));
      if (row != null) {
        Sql.exec(
            db,
            "UPDATE users SET failed_attempts = failed_attempts + 1, locked_until ="
                + " CASE WHEN failed_attempts + 1 >= ? THEN ?::timestamptz ELSE NULL END"
                + " WHERE name = ?",
            settings.maxFailures(),
            Timestamp.from(now.plus(settings.lockout())),
            name);
      }
      audit.record(
          new AuditEvent(
              now, name, "user.login.failed", "user:" + name, Map.of("address", address)));
      return new SignIn.Refused();
    }
    Sql.exec(db, "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE name = ?", name);
    String sessionId = Passwords.randomToken();
    String csrf = Passwords.randomToken();
    Sql.exec(
        db,
        "INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, last_seen)"
            + " VALUES (?, ?, ?, ?, ?)",
        Passwords.sha256(sessionId),
        name,
        csrf,
        Timestamp.from(now),
        Timestamp.from(now));
    audit.record(
        new AuditEvent(now, name, "user.login", "user:" + name, Map.of("address", address)));
    Role role = Role.valueOf(row.string(3));
    return new SignIn.Ok(sessionId, new Identity(name, role.permissions(), Optional.of(csrf)));
  }

  /**
   * The identity of a live session: the user is enabled, it was not revoked and neither the idle
   * nor the absolute timeout has passed. Marks it used.
   */
  public Optional<Identity> session(String sessionId) {
    Instant now = clock.instant();
    String idHash = Passwords.sha256(sessionId);
    Sql.Row row =
        Sql.one(
            db,
            "SELECT s.user_name, s.csrf_token, s.created_at, s.last_seen,"
                + " u.role FROM sessions s JOIN users u ON u.name = s.user_name"
                + " WHERE s.id_hash = ? AND NOT s.revoked AND NOT u.disabled",
            idHash);
    if (row == null
        || !row.instant(3).plus(settings.idleTimeout()).isAfter(now)
        || !row.instant(2).plus(settings.absoluteTimeout()).isAfter(now)) {
      return Optional.empty();
    }
    if (Duration.between(row.instant(3), now).compareTo(Duration.ofMinutes(1)) > 0) {
      Sql.exec(
          db, "UPDATE sessions SET last_seen = ? WHERE id_hash = ?", Timestamp.from(now), idHash);
    }
    Role role = Role.valueOf(row.string(4));
    return Optional.of(new Identity(row.string(0), role.permissions(), Optional.of(row.string(1))));
  }

  /** Ends one session (sign-out). */
  public void signOut(String sessionId) {
    Sql.Row row =
        Sql.one(
            db,
            "UPDATE sessions SET revoked = true WHERE id_hash = ?" + " RETURNING user_name",
            Passwords.sha256(sessionId));
    if (row != null) {
      audit.record(
          AuditEvent.of(clock.instant(), row.string(0), "user.logout", "user:" + row.string(0)));
    }
  }

  /** Ends every session of a user (sign out everywhere). */
  public void revokeSessions(String name) {
    Sql.exec(db, "UPDATE sessions SET revoked = true WHERE user_name = ?", name);
  }

  // ---- API tokens

  /**
   * Creates an API token for {@code user} with the given permissions (at most the user's own;
   * checked again on every use, so a demoted or disabled user's tokens shrink or stop with them).
   */
  public NewToken createToken(
      String user, String name, java.util.Set<Permission> scope, String actor) {
    User u = user(user).orElseThrow(() -> new IllegalArgumentException("no user '" + user + "'"));
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("token name must have 1 to 100 characters");
    }
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one permission");
    }
    if (!u.role().permissions().containsAll(scope)) {
      throw new IllegalArgumentException("a token may not have permissions its user lacks");
    }
    String secret = "opt_" + Passwords.randomToken();
    Instant now = clock.instant();
    Sql.Row row =
        Sql.one(
            db,
            "INSERT INTO api_tokens (token_hash, user_name, name, permissions,"
                + " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
            Passwords.sha256(secret),
            user,
            name.strip(),
            Tokens.format(scope),
            Timestamp.from(now));
    audit.record(
        new AuditEvent(
            now,
            actor,
            "token.create",
            "token:" + row.longValue(0),
            Map.of("user", user, "name", name.strip(), "permissions", Tokens.format(scope))));
    return new NewToken(
        new ApiToken(
            row.longValue(0),
            user,
            name.strip(),
            java.util.Set.copyOf(scope),
            now,
            Optional.empty(),
            false),
        secret);
  }

  /** The identity of a bearer token, with the token's permissions that its user still has. */
  public Optional<Identity> token(String secret) {
    if (secret == null || !secret.startsWith("opt_")) {
      return Optional.empty();
    }
    Sql.Row row =
        Sql.one(
            db,
            "UPDATE api_tokens t SET last_used = ? FROM users u"
                + " WHERE t.token_hash = ? AND NOT t.revoked AND u.name = t.user_name AND NOT u.disabled"
                + " RETURNING t.name, t.permissions, u.role",
            Timestamp.from(clock.instant()),
            Passwords.sha256(secret));
    if (row == null) {
      return Optional.empty();
    }
    java.util.EnumSet<Permission> perms = java.util.EnumSet.noneOf(Permission.class);
    perms.addAll(Tokens.parse(row.string(1)));
    perms.retainAll(Role.valueOf(row.string(2)).permissions());
    return Optional.of(new Identity("token:" + row.string(0), perms, Optional.empty()));
  }

  /** Tokens of one user, or of everyone when {@code user} is empty; newest first. */
  public List<ApiToken> tokens(Optional<String> user) {
    return Tokens.list(db, user);
  }

  /**
   * Revokes a token. Only its owner or an admin ({@code asAdmin}) may.
   *
   * @throws IllegalArgumentException when there is no such token of that user
   */
  public void revokeToken(long id, String actor, boolean asAdmin) {
    Sql.Row row =
        Sql.one(
            db,
            "UPDATE api_tokens SET revoked = true WHERE id = ?"
                + " AND (? OR user_name = ?) RETURNING id",
            id,
            asAdmin,
            actor);
    if (row == null) {
      throw new IllegalArgumentException("no token " + id);
    }
    audit.record(AuditEvent.of(clock.instant(), actor, "token.revoke", "token:" + id));
  }

  private static User user(Sql.Row r) {
    return new User(r.string(0), Role.valueOf(r.string(1)), r.bool(2), r.instant(3));
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name must be 1 to 64 lower-case letters, digits, '.', '_' or '-', was '"
              + name
              + "'");
    }
  }

  static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }
}
