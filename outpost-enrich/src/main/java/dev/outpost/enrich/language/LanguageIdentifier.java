package dev.outpost.enrich.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The language of a post, by Lingua restricted to a configured set of languages. Mentions, links,
 * hashtag signs and emoji are removed first; texts with too few letters, and texts where the best
 * language is not clearly ahead, get {@code und} rather than a guess (fewer than 2 words or too few
 * letters). Thread-safe.
 */
public final class LanguageIdentifier {
  /** A dozen languages common on social networks. */
  public static final List<String> DEFAULT_LANGUAGES =
      List.of("en", "es", "pt", "fr", "de", "it", "nl", "tr", "ru", "ar", "ja", "ko");

  public static final String UNDETERMINED = "und";

  private static final Pattern NOISE =
      Pattern.compile("(https?://\\S+|www\\.\\S+|@\\w+|#|&amp;|&lt;|&gt;|\\bRT\\b)");

  /** Lingua reads at most this many characters of a text. */
  private static final int MAX_CHARS = 2_000;

  /** The best language must be this far ahead of the second. */
  private static final double MIN_MARGIN = 0.1;

  /** Texts of fewer words (runs of letters) get {@code und}. */
  private static final int MIN_WORDS = 2;

  private final LanguageDetector detector;
  private final List<String> codes;
  private final int minLetters;
  private final double minConfidence;

  /**
   * @param isoCodes ISO 639-1 codes of the languages to tell apart (at least two)
   * @param minLetters texts with fewer letters get {@code und}
   * @param minConfidence the best language's confidence below which the result is {@code und}
   * @param lowAccuracy Lingua's low-accuracy mode: trigrams only, several times faster and smaller,
   *     less accurate on short texts
   */
  public LanguageIdentifier(
      List<String> isoCodes, int minLetters, double minConfidence, boolean lowAccuracy) {
    Set<Language> languages = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (String code : isoCodes) {
      Language l = language(code);
      if (languages.add(l)) {
        names.add(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
      }
    }
    this.codes = List.copyOf(names);
    if (languages.size() < 2) {
      throw new IllegalArgumentException("at least two languages are needed, got " + isoCodes);
    }
    if (minLetters < 0 || !(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("min letters must be >= 0 and min confidence in [0, 1]");
    }
    this.detector =
        LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0])).build();
    this.minLetters = minLetters;
    this.minConfidence = minConfidence;
  }

  /** The default languages, at least 10 letters, confidence at least 0.5, high accuracy. */
  public static LanguageIdentifier withDefaults() {
    return new LanguageIdentifier(DEFAULT_LANGUAGES, 10, 0.5, false);
  }

  /** The languages this identifier tells apart, as ISO 639-1 codes. */
  public List<String> languages() {
    return codes;
  }

  /** The ISO 639-1 code of the text's language, or {@code und}. */
  public String identify(CharSequence text) {
    String cut =
        text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS).toString() : text.toString();
    String clean = NOISE.matcher(cut).replaceAll(" ");
    int letters = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < clean.length(); i++) {
      boolean letter = Character.isLetter(clean.charAt(i));
      if (letter) {
        letters++;
        if (!inWord) {
          words++;
        }
      }
      inWord = letter;
    }
    if (letters < minLetters || letters == 0 || words < MIN_WORDS) {
      return UNDETERMINED;
    }
    SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(clean);
    Language best = Language.UNKNOWN;
    double top = 0;
    double second = 0;
    for (Map.Entry<Language, Double> e : confidences.entrySet()) {
      double v = e.getValue();
      if (v > top) {
        second = top;
        top = v;
        best = e.getKey();
      } else if (v > second) {
        second = v;
      }
    }
    if (best == Language.UNKNOWN || top < minConfidence || top - second < MIN_MARGIN) {
      return UNDETERMINED;
    }
    return best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  private static Language language(String code) {
    try {
      Language l =
          Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
      if (l == Language.UNKNOWN) {
        throw new IllegalArgumentException("unknown language code '" + code + "'");
      }
      return l;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown ISO 639-1 language code '" + code + "'", e);
    }
  }
}
