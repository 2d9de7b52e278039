package dev.outpost.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing someone did: who ({@code actor}: a user name, {@code system}, or {@code token:NAME}),
 * what ({@code action}, a dotted verb such as {@code case.reply} or {@code user.login}), to what
 * ({@code subject}, for example {@code case:42}) and its details. Details never carry secrets.
 */
public record AuditEvent(
    Instant at, String actor, String action, String subject, Map<String, String> details) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    details = Map.copyOf(details);
  }

  public static AuditEvent of(Instant at, String actor, String action, String subject) {
    return new AuditEvent(at, actor, action, subject, Map.of());
  }
}
