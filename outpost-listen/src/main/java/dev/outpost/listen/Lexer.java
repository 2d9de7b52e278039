package dev.outpost.listen;

import java.util.ArrayList;
import java.util.List;

/** Cuts a query into operators, parentheses, words, quoted phrases and field:value pairs. */
final class Lexer {
  enum Kind {
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    NEAR,
    WORD,
    PHRASE,
    FIELD
  }

  /**
   * A token. {@code pos} is its UTF-16 index. For NEAR: {@code number} is the distance and {@code
   * ordered} the f suffix. For PHRASE: {@code text} is the quoted content and {@code number} the
   * slop (0 without {@code ~}). For FIELD: {@code field} is the name, {@code text} the value,
   * {@code quoted} whether the value was quoted and {@code valuePos} where it starts.
   */
  record Tok(
      Kind kind,
      int pos,
      String text,
      int number,
      boolean ordered,
      String field,
      boolean quoted,
      int valuePos) {
    static Tok of(Kind kind, int pos, String text) {
      return new Tok(kind, pos, text, 0, false, "", false, pos);
    }
  }

  private final String q;
  private int i;

  private Lexer(String q) {
    this.q = q;
  }

  static List<Tok> lex(String query) {
    return new Lexer(query).run();
  }

  private List<Tok> run() {
    List<Tok> out = new ArrayList<>();
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(Tok.of(Kind.LPAREN, i++, "("));
      } else if (c == ')') {
        out.add(Tok.of(Kind.RPAREN, i++, ")"));
      } else if (c == '"') {
        int start = i;
        String content = quoted();
        int slop = slop(start);
        out.add(new Tok(Kind.PHRASE, start, content, slop, false, "", true, start));
      } else {
        out.add(bare());
      }
    }
    return out;
  }

  /**
   * Reads a quoted string starting at the opening quote; leaves {@code i} after the closing one.
   */
  private String quoted() {
    int start = i;
    int close = q.indexOf('"', start + 1);
    if (close < 0) {
      throw QueryException.at(q, start, "unclosed quote: add a closing \"");
    }
    i = close + 1;
    return q.substring(start + 1, close);
  }

  private int slop(int phraseStart) {
    if (i >= q.length() || q.charAt(i) != '~') {
      return 0;
    }
    int tilde = i++;
    int start = i;
    while (i < q.length() && Character.isDigit(q.charAt(i))) {
      i++;
    }
    if (i == start || (i < q.length() && !isBreak(q.charAt(i)))) {
      throw QueryException.at(
          q, tilde, "'~' after a phrase needs a number of words, like \"a b\"~5");
    }
    return number(start, i, 1000, "phrase distance");
  }

  private Tok bare() {
    int start = i;
    while (i < q.length() && !isBreak(q.charAt(i)) && q.charAt(i) != '"') {
      if (q.charAt(i) == ':' && i > start && isFieldName(start, i)) {
        return field(start, i);
      }
      i++;
    }
    String word = q.substring(start, i);
    return switch (word) {
      case "AND", "&&" -> Tok.of(Kind.AND, start, "AND");
      case "OR", "||" -> Tok.of(Kind.OR, start, "OR");
      case "NOT" -> Tok.of(Kind.NOT, start, "NOT");
      default -> word.startsWith("NEAR") ? near(word, start) : Tok.of(Kind.WORD, start, word);
    };
  }

  private boolean isFieldName(int start, int end) {
    for (int k = start; k < end; k++) {
      char c = q.charAt(k);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  private Tok field(int start, int colon) {
    String name = q.substring(start, colon);
    i = colon + 1;
    int valuePos = i;
    if (i >= q.length() || isBreak(q.charAt(i))) {
      throw QueryException.at(q, start, "field '" + name + "' needs a value after ':'");
    }
    if (q.charAt(i) == '"') {
      String value = quoted();
      int slop = slop(valuePos);
      return new Tok(Kind.FIELD, start, value, slop, false, name, true, valuePos);
    }
    while (i < q.length() && !isBreak(q.charAt(i)) && q.charAt(i) != '"') {
      i++;
    }
    return new Tok(Kind.FIELD, start, q.substring(valuePos, i), 0, false, name, false, valuePos);
  }

  private Tok near(String word, int start) {
    if (word.equals("NEAR")) {
      throw QueryException.at(q, start, "NEAR needs a distance: NEAR/5 (any order) or NEAR/5f");
    }
    if (!word.startsWith("NEAR/")) {
      return Tok.of(Kind.WORD, start, word);
    }
    String rest = word.substring(5);
    boolean ordered = rest.endsWith("f");
    String digits = ordered ? rest.substring(0, rest.length() - 1) : rest;
    if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw QueryException.at(
          q, start, "bad NEAR distance '" + rest + "': use NEAR/5 (any order) or NEAR/5f");
    }
    int distance = number(start + 5, start + 5 + digits.length(), 1000, "NEAR distance");
    return new Tok(Kind.NEAR, start, word, distance, ordered, "", false, start);
  }

  private int number(int start, int end, int max, String what) {
    String digits = q.substring(start, end);
    if (digits.length() > 6 || Integer.parseInt(digits) > max) {
      throw QueryException.at(q, start, what + " must be at most " + max);
    }
    return Integer.parseInt(digits);
  }

  private static boolean isBreak(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')';
  }
}
