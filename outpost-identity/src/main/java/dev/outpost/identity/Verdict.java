package dev.outpost.identity;

import java.util.Locale;

/** What a reviewer should do with a candidate. */
public enum Verdict {
  /** Very likely a fake of a protected identity: review and report it. */
  IMPERSONATION,
  /** Resembles a protected identity or shows phishing cues: worth a look. */
  SUSPICIOUS,
  /** Nothing to act on. */
  OK;

  /** The lower-case name used in JSON output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
