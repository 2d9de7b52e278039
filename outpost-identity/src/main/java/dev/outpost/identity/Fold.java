package dev.outpost.identity;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Locale;

/**
 * Canonical "looks the same" form of a name: Unicode TR39 confusable skeleton (ICU's {@link
 * SpoofChecker}), case folded, accents dropped, the digit and keyboard swaps that TR39 leaves out
 * (5 for s, 3 for e, vv for w, cl for d...) applied, and separators removed. Two strings with the
 * same fold look alike to a person reading quickly.
 */
final class Fold {
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  /** Swaps applied after the skeleton, longest first; TR39 already maps 0, 1, I, l, m/rn. */
  private static final List<String[]> SWAPS =
      List.of(
          new String[] {"vv", "w"},
          new String[] {"cl", "d"},
          new String[] {"5", "s"},
          new String[] {"$", "s"},
          new String[] {"3", "e"},
          new String[] {"4", "a"},
          new String[] {"@", "a"},
          new String[] {"7", "t"},
          new String[] {"8", "b"},
          new String[] {"9", "g"},
          new String[] {"!", "i"},
          new String[] {"|", "l"},
          new String[] {"0", "o"},
          new String[] {"1", "l"});

  private Fold() {}

  /** The full fold of {@code s}, without separators; empty for empty or unprintable input. */
  static String of(String s) {
    String text = strip(s);
    if (text.isEmpty()) {
      return "";
    }
    String folded = skeleton(text).toLowerCase(Locale.ROOT);
    folded = skeleton(folded).toLowerCase(Locale.ROOT);
    folded = dropMarks(folded);
    for (String[] swap : SWAPS) {
      folded = folded.replace(swap[0], swap[1]);
    }
    // The swaps above may create new confusable pairs (for example "rn" from "r" + "n").
    folded = skeleton(folded).toLowerCase(Locale.ROOT);
    // TR39's prototype for "m" is "rn"; map back so that edit distances count m as one letter.
    return lettersOnly(folded.replace("rn", "m"));
  }

  /** The handle without a leading {@code @}, trimmed, NFKC-normalised, capped at 200 chars. */
  static String strip(String s) {
    String t = s.strip();
    while (t.startsWith("@")) {
      t = t.substring(1);
    }
    if (t.length() > 200) {
      t = t.substring(0, 200);
    }
    return NFKC.normalize(t);
  }

  /** Case-insensitive, separator-free form without skeleton mapping: what a handle "is". */
  static String plain(String s) {
    return lettersOnly(strip(s).toLowerCase(Locale.ROOT));
  }

  /** True when the text contains characters outside printable ASCII (Cyrillic, Greek...). */
  static boolean hasNonAscii(String s) {
    return s.chars().anyMatch(c -> c > 0x7e);
  }

  private static String skeleton(String s) {
    try {
      return SPOOF.getSkeleton(s);
    } catch (RuntimeException e) {
      // Unpaired surrogates and similar broken input: fall back to the text itself.
      return s;
    }
  }

  private static String dropMarks(String s) {
    String d = NFD.normalize(s);
    StringBuilder out = new StringBuilder(d.length());
    d.codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String lettersOnly(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}
