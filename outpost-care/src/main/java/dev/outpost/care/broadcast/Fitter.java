package dev.outpost.care.broadcast;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a message to a channel: lengths are counted in grapheme clusters (what a person sees as one
 * character: an emoji with skin tone, a letter with its accents), as networks count them; a long
 * message becomes a numbered thread where the channel threads, and is otherwise cut at a word with
 * a link to the full text.
 */
public final class Fitter {
  /** The most posts one message becomes; the last is cut with the link when there is more. */
  static final int MAX_PARTS = 20;

  private static final String ELLIPSIS = "…";

  private Fitter() {}

  /** The number of grapheme clusters in {@code text}. */
  public static int graphemes(String text) {
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(text);
    int n = 0;
    while (it.next() != BreakIterator.DONE) {
      n++;
    }
    return n;
  }

  /**
   * The posts {@code text} becomes on {@code channel}.
   *
   * @param link where the full text is (the status page), added when the text has to be cut; may be
   *     empty
   */
  public static List<String> fit(String text, ChannelProfile channel, String link) {
    String t = text.strip();
    int max = channel.maxGraphemes();
    if (graphemes(t) <= max) {
      return List.of(t);
    }
    if (!channel.threads()) {
      return List.of(cut(t, max, link));
    }
    // reserve room for the " (12/20)" numbering
    int room = max - 8;
    List<String> parts = new ArrayList<>();
    String rest = t;
    while (!rest.isEmpty() && parts.size() < MAX_PARTS - 1) {
      if (graphemes(rest) <= room) {
        parts.add(rest);
        rest = "";
        break;
      }
      int end = breakBefore(rest, room);
      parts.add(rest.substring(0, end).strip());
      rest = rest.substring(end).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(graphemes(rest) <= room ? rest : cut(rest, room, link));
    }
    int n = parts.size();
    List<String> numbered = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      numbered.add(parts.get(i) + " (" + (i + 1) + "/" + n + ")");
    }
    return List.copyOf(numbered);
  }

  /** {@code text} cut at a word to fit {@code max} graphemes with "… link". */
  static String cut(String text, int max, String link) {
    String tail = link.isBlank() ? ELLIPSIS : ELLIPSIS + " " + link.strip();
    int room = max - graphemes(tail);
    if (room < 1) {
      throw new IllegalArgumentException(
          "the link to the full text (" + link + ") does not fit in " + max + " characters");
    }
    return text.substring(0, breakBefore(text, room)).strip() + tail;
  }

  /**
   * The char offset of the last line-break opportunity (a space between words, after a hyphen...)
   * within the first {@code room} graphemes; a grapheme boundary where a single word is longer.
   */
  static int breakBefore(String text, int room) {
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
    chars.setText(text);
    int limit = chars.first();
    for (int i = 0; i < room; i++) {
      int next = chars.next();
      if (next == BreakIterator.DONE) {
        return text.length();
      }
      limit = next;
    }
    BreakIterator words = BreakIterator.getLineInstance(Locale.ROOT);
    words.setText(text);
    int at = words.isBoundary(limit) ? limit : words.preceding(limit);
    return at <= 0 || at == BreakIterator.DONE ? limit : at;
  }
}
