package dev.outpost.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * How much a name (handle, display name or domain label) looks like one protected name: the same
 * confusable skeleton, the brand plus added words, a small edit distance, or plain containment.
 */
final class Likeness {
  private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance(4);

  /**
   * One protected name, precomputed: its lower-case text, separator-free, folded and core forms.
   */
  record Target(String label, String lower, String plain, String full, String core) {
    static Target of(String label, String name) {
      String stripped = Fold.strip(name);
      String full = Fold.of(name);
      return new Target(
          label, stripped.toLowerCase(Locale.ROOT), Fold.plain(name), full, Affixes.strip(full));
    }
  }

  /** A resemblance, with a weight in 0..1 and a sentence for the reviewer. */
  record Hit(double weight, String kind, String detail) {}

  private Likeness() {}

  /** A candidate name, folded once and compared with many targets. */
  record Probe(String raw, String lower, String full, String core, boolean digitsDropped) {}

  /** The forms of a candidate name: as written, and without trailing digits and separators. */
  static List<Probe> probes(String name) {
    String raw = Fold.strip(name);
    List<Probe> out = new ArrayList<>(4);
    String noDigits = raw.replaceAll("[\\d_.\\-]+$", "");
    for (int i = 0; i < 2; i++) {
      boolean dropped = i == 1;
      String v = dropped ? noDigits : raw;
      if (v.isEmpty() || (dropped && v.equals(raw))) {
        continue;
      }
      Probe p = probe(v, dropped);
      out.add(p);
      // Capital I folds to l (a classic swap), which hides added words such as "Info" or "Inc";
      // the lower-case reading catches those.
      Probe lower = probe(v.toLowerCase(Locale.ROOT), dropped);
      if (!lower.full().equals(p.full())) {
        out.add(new Probe(v, p.lower(), lower.full(), lower.core(), dropped));
      }
    }
    return out;
  }

  private static Probe probe(String v, boolean digitsDropped) {
    String f = Fold.of(v);
    return new Probe(v, v.toLowerCase(Locale.ROOT), f, Affixes.strip(f), digitsDropped);
  }

  /** Compares a candidate name with a target; empty when they do not resemble each other. */
  static Optional<Hit> compare(List<Probe> probes, Target t) {
    Optional<Hit> best = Optional.empty();
    if (t.full().isEmpty()) {
      return best;
    }
    for (Probe p : probes) {
      Optional<Hit> hit = compareVariant(p, t);
      if (hit.isPresent() && (best.isEmpty() || hit.get().weight() > best.get().weight())) {
        best = hit;
      }
    }
    return best;
  }

  private static Optional<Hit> compareVariant(Probe p, Target t) {
    String v = p.raw();
    boolean digitsDropped = p.digitsDropped();
    if (!digitsDropped && p.lower().equals(t.lower())) {
      return Optional.empty(); // the very same name: identity, not resemblance
    }
    String f = p.full();
    if (f.isEmpty()) {
      return Optional.empty();
    }
    String core = p.core();
    String what = "'" + v + "' vs " + t.label();
    if (f.equals(t.full()) || (f.equals(t.core()) && t.core().length() >= 3)) {
      // A match on the whole name beats one on the brand core (Acrne is @Acme, not @AcmeSupport).
      double w = f.equals(t.full()) ? 0.92 : t.core().length() >= 3 ? 0.9 : 0.6;
      return Optional.of(new Hit(w, sameFoldKind(v, digitsDropped, t), what));
    }
    if (core.equals(t.core()) && !core.equals(f)) {
      double w = t.core().length() >= 3 ? 0.88 : 0.72;
      String kind = digitsDropped ? "brand plus added words and digits" : "brand plus added words";
      return Optional.of(new Hit(w, kind, what + " (" + added(f, core) + ")"));
    }
    Optional<Hit> edit = editHit(f, t.full(), what);
    if (edit.isEmpty() && !core.equals(f)) {
      edit = editHit(core, t.core(), what + " after removing added words");
    }
    if (edit.isEmpty() && !t.core().equals(t.full())) {
      edit = editHit(f, t.core(), what);
    }
    if (edit.isPresent()) {
      return edit;
    }
    if (t.full().length() >= 6 && !t.full().equals(t.core()) && f.contains(t.full())) {
      return Optional.of(new Hit(0.8, "contains the whole protected name plus other text", what));
    }
    if (t.core().length() >= 5 && f.contains(t.core())) {
      return Optional.of(new Hit(0.35, "contains the brand name", what));
    }
    return Optional.empty();
  }

  private static Optional<Hit> editHit(String a, String b, String what) {
    int len = b.length();
    if (a.isEmpty() || len < 4) {
      return Optional.empty();
    }
    int d = DISTANCE.apply(a, b);
    if (d <= 0) {
      return Optional.empty();
    }
    double w;
    if (d == 1 && len >= 5) {
      w = 0.85;
    } else if (d == 1) {
      w = 0.55;
    } else if (d == 2 && len >= 8) {
      w = 0.8;
    } else if (d == 3 && len >= 12) {
      w = 0.7;
    } else {
      return Optional.empty();
    }
    String kind = transposed(a, b) ? "letters transposed" : "edit distance " + d;
    return Optional.of(new Hit(w, kind, what));
  }

  private static String sameFoldKind(String v, boolean digitsDropped, Target t) {
    if (Fold.hasNonAscii(v)) {
      return "look-alike Unicode characters (TR39 confusable skeleton)";
    }
    String suffix = digitsDropped ? " and digits or separators appended" : "";
    String f = Fold.of(v);
    if (!Fold.plain(v).equals(f)) {
      return "visual substitutions (rn/m, 0/o, 1/l, I/l, vv/w...)" + suffix;
    }
    if (!f.equals(t.full())) {
      return "the brand name of a protected handle without its care words" + suffix;
    }
    return digitsDropped ? "digits or separators appended" : "separators or case changed";
  }

  private static boolean transposed(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  private static String added(String full, String core) {
    int at = full.indexOf(core);
    if (at < 0) {
      return "added words";
    }
    String extra = (full.substring(0, at) + " " + full.substring(at + core.length())).strip();
    return "added: " + extra;
  }
}
