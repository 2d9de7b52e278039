package dev.outpost.accounts;

import dev.outpost.core.Permission;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** An API token as listed: never its value, which is shown once when created. */
public record ApiToken(
    long id,
    String user,
    String name,
    Set<Permission> permissions,
    Instant createdAt,
    Optional<Instant> lastUsed,
    boolean revoked) {}
