package dev.outpost.connectors;

/** What the fake network does to one request of a listener. */
public enum Fault {
  /** Answers normally. */
  OK,
  /** 429 with {@code Retry-After: 1}. */
  RATE_LIMITED,
  /** 500. */
  SERVER_ERROR,
  /** Answers only after the client's timeout. */
  TIMEOUT,
  /** 200 with a body that does not parse. */
  MALFORMED,
  /** 401. */
  UNAUTHORIZED;

  /** The script every connector must survive after a first good answer. */
  public static final java.util.List<Fault> SCRIPT =
      java.util.List.of(RATE_LIMITED, SERVER_ERROR, TIMEOUT, MALFORMED, OK);
}
