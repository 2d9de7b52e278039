package dev.outpost.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One configured connector's health as the {@code /connectors} page and {@code /api/v1/connectors}
 * show it.
 *
 * @param name the source's name
 * @param type the connector type, for example {@code mastodon}
 * @param capabilities what it can do (listen, webhook, reply...), lower case
 * @param state OK, DEGRADED or STOPPED
 * @param lastSuccess when a call to the network last succeeded
 * @param lastPost the creation time of the newest post read
 * @param lagSeconds how old the newest post was when it was read
 * @param errors errors since start
 * @param lastError the last error (no secrets)
 * @param rateLimitRemaining calls left in the rate-limit window, when the network says
 * @param rateLimitReset when that window resets
 */
public record ConnectorStatus(
    String name,
    String type,
    List<String> capabilities,
    String state,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastPost,
    OptionalLong lagSeconds,
    long errors,
    Optional<String> lastError,
    OptionalLong rateLimitRemaining,
    Optional<Instant> rateLimitReset) {

  public ConnectorStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    capabilities = List.copyOf(capabilities);
    Objects.requireNonNull(state, "state");
  }

  /** A time as the page shows it, {@code 2026-11-23 12:00:00 UTC}, or a dash. */
  public static String shown(Optional<Instant> t) {
    return t.map(i -> i.toString().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", " UTC"))
        .orElse("-");
  }

  /** A number as the page shows it, or a dash. */
  public static String shown(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "-";
  }
}
