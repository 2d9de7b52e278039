package dev.outpost.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code security:} section of {@code outpost.yaml}: sign-in, sessions, API tokens and secrets
 * (issue 12, {@code docs/security.md}). Every field has a default, so the section may be left out.
 *
 * @param sessionIdleMinutes a session unused for this long ends (default 480, 8 hours)
 * @param sessionMaxHours a session ends this long after sign-in however busy (default 168, 7 days)
 * @param maxFailedSignIns failures in a row that lock an account for {@code lockoutMinutes}
 *     (default 5)
 * @param maxFailedSignInsPerAddress failures from one address within {@code lockoutMinutes} after
 *     which it is refused (default 20)
 * @param lockoutMinutes how long a lock lasts (default 15)
 * @param secretsKeyFile the AES key file for stored secrets (default {@code secrets.key} in the
 *     data directory); keep it out of database backups
 */
public record SecurityConfig(
    Integer sessionIdleMinutes,
    Integer sessionMaxHours,
    Integer maxFailedSignIns,
    Integer maxFailedSignInsPerAddress,
    Integer lockoutMinutes,
    String secretsKeyFile) {
  public SecurityConfig {
    sessionIdleMinutes = positive("sessionIdleMinutes", sessionIdleMinutes, 480);
    sessionMaxHours = positive("sessionMaxHours", sessionMaxHours, 168);
    maxFailedSignIns = positive("maxFailedSignIns", maxFailedSignIns, 5);
    maxFailedSignInsPerAddress =
        positive("maxFailedSignInsPerAddress", maxFailedSignInsPerAddress, 20);
    lockoutMinutes = positive("lockoutMinutes", lockoutMinutes, 15);
    if (Duration.ofMinutes(sessionIdleMinutes).compareTo(Duration.ofHours(sessionMaxHours)) > 0) {
      throw new IllegalArgumentException(
          "security.sessionIdleMinutes ("
              + sessionIdleMinutes
              + ") must not exceed security.sessionMaxHours ("
              + sessionMaxHours
              + " hours)");
    }
  }

  public static SecurityConfig defaults() {
    return new SecurityConfig(null, null, null, null, null, null);
  }

  /** The key file, when set; otherwise the caller uses the data directory. */
  public Optional<Path> keyFile() {
    return Optional.ofNullable(secretsKeyFile)
        .filter(s -> !s.isBlank())
        .map(s -> Path.of(s.replaceFirst("^~(?=/|$)", System.getProperty("user.home"))));
  }

  private static int positive(String name, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("security." + name + " must be at least 1, was " + value);
    }
    return value;
  }
}
