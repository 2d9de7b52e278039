package dev.outpost.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Words that impostors add to a brand name to look like its care desk ({@code AcmeSupport}, {@code
 * AskAcme}, {@code Acme_HelpDesk}). Stored folded, so they match folded handles.
 */
final class Affixes {
  private static final List<String> SUFFIXES =
      folded(
          "support",
          "supports",
          "help",
          "helps",
          "helpdesk",
          "desk",
          "official",
          "care",
          "cares",
          "team",
          "service",
          "services",
          "hq",
          "customer",
          "customers",
          "customercare",
          "info",
          "global",
          "online",
          "contact",
          "assist",
          "assistance",
          "center",
          "centre",
          "helpline",
          "line",
          "admin",
          "news",
          "uk",
          "us",
          "usa",
          "verified",
          "inc",
          "corp",
          "live",
          "real",
          "app",
          "care",
          "agent",
          "rep",
          "staff",
          "ask",
          "desk",
          "fix",
          "tech",
          "techsupport",
          "refund",
          "refunds",
          "claims",
          "security",
          "account",
          "accounts",
          "hub",
          "now",
          "cs",
          "247",
          "24");
  private static final Set<String> NOT_PREFIXES =
      Set.of("us", "uk", "usa", "line", "now", "inc", "corp");
  private static final List<String> PREFIXES =
      Stream.concat(
              SUFFIXES.stream().filter(w -> !NOT_PREFIXES.contains(w)),
              folded("the", "my", "get", "hey", "hello", "talk", "call", "chat", "with").stream())
          .distinct()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
  private static final int MIN_CORE = 2;

  private Affixes() {}

  /** Removes added words from both ends of a folded name, as long as a core of 2+ chars stays. */
  static String strip(String folded) {
    String s = folded;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String w : SUFFIXES) {
        if (s.length() - w.length() >= MIN_CORE && s.endsWith(w)) {
          s = s.substring(0, s.length() - w.length());
          changed = true;
          break;
        }
      }
      for (String w : PREFIXES) {
        if (s.length() - w.length() >= MIN_CORE && s.startsWith(w)) {
          s = s.substring(w.length());
          changed = true;
          break;
        }
      }
    }
    return s;
  }

  private static List<String> folded(String... words) {
    return Stream.of(words)
        .map(Fold::of)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }
}
