package dev.outpost.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text (invalid bytes become U+FFFD), cutting any line longer than a limit and
 * skipping the rest of it, so that a huge line costs no more memory than the limit.
 */
final class LineReader {
  /** One input line. */
  record Line(String text, boolean cut) {}

  private final Reader in;
  private final int limit;
  private final char[] buffer = new char[1 << 14];
  private int pos;
  private int end;

  LineReader(InputStream in, int limit) {
    this.in =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    this.limit = limit;
  }

  /** The next line without its line end, or {@code null} at the end of the input. */
  Line next() throws IOException {
    StringBuilder b = new StringBuilder();
    boolean cut = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buffer);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return any ? finish(b, cut) : null;
        }
      }
      any = true;
      char c = buffer[pos++];
      if (c == '\n') {
        return finish(b, cut);
      }
      if (b.length() < limit) {
        b.append(c);
      } else {
        cut = true;
      }
    }
  }

  private static Line finish(StringBuilder b, boolean cut) {
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) == '\r') {
      b.setLength(n - 1);
    }
    if (b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1)) && cut) {
      b.setLength(b.length() - 1);
    }
    return new Line(b.toString(), cut);
  }
}
