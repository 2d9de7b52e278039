package dev.outpost.identity.review;

import java.util.Locale;

/** Where a candidate stands in the review queue. */
public enum ReviewStatus {
  /** Found, not yet reviewed. */
  NEW,
  /** A reviewer confirmed it is an impostor; it belongs in the takedown report. */
  CONFIRMED,
  /** A reviewer judged it harmless; it stays dismissed when seen again. */
  DISMISSED,
  /** Reported to its network. */
  REPORTED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status a reviewer's decision ({@code confirm}, {@code dismiss}, {@code report}) leads to.
   */
  public static ReviewStatus ofDecision(String decision) {
    String d = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
    return switch (d) {
      case "confirm" -> CONFIRMED;
      case "dismiss" -> DISMISSED;
      case "report" -> REPORTED;
      case "reopen" -> NEW;
      default ->
          throw new IllegalArgumentException(
              "decision must be confirm, dismiss, report or reopen, was '" + decision + "'");
    };
  }

  /** Parses a status filter ({@code new}, {@code confirmed}...). */
  public static ReviewStatus parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status must be new, confirmed, dismissed or reported, was '" + s + "'");
    }
  }
}
