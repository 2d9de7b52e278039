package dev.outpost.core.broadcast;

/** How badly a broadcast's components are affected, mildest first. */
public enum Impact {
  /** Planned work; the service may be briefly unavailable. */
  MAINTENANCE,
  /** Slower or partly wrong, but working. */
  DEGRADED,
  /** Part of the service does not work. */
  PARTIAL_OUTAGE,
  /** The service does not work. */
  MAJOR_OUTAGE;

  /** The name shown on the status page, for example {@code partial outage}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
