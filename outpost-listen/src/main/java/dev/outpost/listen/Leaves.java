package dev.outpost.listen;

import dev.outpost.listen.Lexer.Tok;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns word, phrase and field:value tokens into leaf nodes, analysed like post texts. */
final class Leaves {
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
  private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
  private static final Pattern HOST =
      Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?");

  private Leaves() {}

  static Node word(String q, Tok t) {
    String w = Normalizer.normalize(t.text(), Normalizer.Form.NFKC);
    if (w.startsWith("#") || w.startsWith("@")) {
      String body = w.substring(1);
      if (body.isEmpty() || !body.codePoints().allMatch(Analysis::isBodyChar)) {
        String what = w.startsWith("#") ? "hashtag" : "mention";
        throw QueryException.at(
            q, t.pos(), "a " + what + " may contain only letters, digits and '_': '" + w + "'");
      }
      return new Node.Term(w.startsWith("#") ? Field.TAG : Field.MENTION, Analysis.fold(body));
    }
    if (w.indexOf('*') >= 0) {
      return new Node.Wild(Field.TEXT, wildcard(q, t.pos(), w, true));
    }
    return words(q, t.pos(), w, Field.TEXT, 0);
  }

  static Node phrase(String q, Tok t) {
    if (t.text().indexOf('*') >= 0) {
      throw QueryException.at(q, t.pos(), "wildcards '*' are not allowed inside quotes");
    }
    return words(q, t.pos(), t.text(), Field.TEXT, t.number());
  }

  static Node field(String q, Tok t) {
    Field field =
        Field.named(t.field())
            .orElseThrow(
                () ->
                    QueryException.at(
                        q,
                        t.pos(),
                        "unknown field '" + t.field() + "' (known fields: " + Field.KNOWN + ")"));
    String value = Normalizer.normalize(t.text(), Normalizer.Form.NFKC).strip();
    int at = t.valuePos();
    if (value.isEmpty()) {
      throw QueryException.at(q, at, "field '" + t.field() + "' needs a value");
    }
    if (t.number() > 0 && field != Field.RAW) {
      throw QueryException.at(q, at, "'~' applies only to phrases");
    }
    return switch (field) {
      case RAW -> raw(q, t, value);
      case URL -> url(q, at, value);
      case SITE -> site(q, at, value);
      case AUTHOR -> {
        String handle = Analysis.fold(value.startsWith("@") ? value.substring(1) : value);
        if (handle.isEmpty() || handle.chars().anyMatch(Character::isWhitespace)) {
          throw QueryException.at(q, at, "author: takes one handle, like author:jetblue");
        }
        yield new Node.Term(Field.AUTHOR, handle);
      }
      case LANG -> keyword(q, at, field, value, LANG, "a language code like lang:en or lang:pt-br");
      case NETWORK -> keyword(q, at, field, value, NETWORK, "a network id like network:mastodon");
      case COUNTRY -> keyword(q, at, field, value, COUNTRY, "a two-letter code like country:us");
      case VERIFIED -> {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
          throw QueryException.at(q, at, "verified: takes true or false");
        }
        yield new Node.Term(Field.VERIFIED, v);
      }
      case FOLLOWERS -> Numbers.range(q, at, field, value);
      default -> throw new IllegalStateException("unhandled field " + field);
    };
  }

  private static Node raw(String q, Tok t, String value) {
    if (!t.quoted() && value.indexOf('*') >= 0) {
      return new Node.Wild(Field.RAW, wildcard(q, t.valuePos(), value, false));
    }
    if (value.indexOf('*') >= 0) {
      throw QueryException.at(q, t.valuePos(), "wildcards '*' are not allowed inside quotes");
    }
    return words(q, t.valuePos(), value, Field.RAW, t.number());
  }

  private static Node words(String q, int pos, String text, Field field, int slop) {
    Analysis.Tokens tokens = Analysis.tokens(text);
    if (!tokens.urls().isEmpty()) {
      throw QueryException.at(q, pos, "links go in url: or site:, like site:example.com");
    }
    if (!tokens.mentions().isEmpty()) {
      throw QueryException.at(q, pos, "write @mentions on their own, outside quotes");
    }
    List<String> words = field == Field.RAW ? tokens.rawWords() : tokens.words();
    if (words.isEmpty()) {
      throw QueryException.at(q, pos, "nothing to match: no letters, digits or emoji");
    }
    if (words.size() == 1) {
      return new Node.Term(field, words.getFirst());
    }
    return new Node.Phrase(field, List.copyOf(words), slop);
  }

  /** Validates a one-word wildcard and returns its Lucene pattern (folded when asked). */
  private static String wildcard(String q, int pos, String w, boolean fold) {
    List<String> parts = new java.util.ArrayList<>();
    int letters = 0;
    for (String part : w.split("\\*", -1)) {
      if (!part.codePoints().allMatch(Analysis::isWordChar)) {
        throw QueryException.at(
            q, pos, "a wildcard applies to one word of letters and digits: '" + w + "'");
      }
      letters += part.codePointCount(0, part.length());
      parts.add(fold ? Analysis.fold(part) : part);
    }
    String pattern = String.join("*", parts).replaceAll("\\*+", "*");
    if (letters < 2) {
      throw QueryException.at(q, pos, "a wildcard needs at least 2 letters or digits: '" + w + "'");
    }
    return pattern;
  }

  private static Node url(String q, int pos, String value) {
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw QueryException.at(q, pos, "a URL cannot contain spaces");
    }
    String v = Analysis.normaliseUrl(value);
    while (v.endsWith("*")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.isEmpty()) {
      throw QueryException.at(q, pos, "url: needs the start of a link, like url:example.com/news");
    }
    StringBuilder pattern = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '?' || c == '\\') {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return new Node.Wild(Field.URL, pattern.append('*').toString());
  }

  private static Node site(String q, int pos, String value) {
    String v = Analysis.normaliseUrl(value);
    if (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    if (!HOST.matcher(v).matches()) {
      throw QueryException.at(
          q, pos, "site: takes a host name like example.com (use url: for paths)");
    }
    return new Node.Term(Field.SITE, Analysis.fold(v));
  }

  private static Node keyword(
      String q, int pos, Field field, String value, Pattern pattern, String hint) {
    String v = value.toLowerCase(Locale.ROOT).replace('_', '-');
    if (!pattern.matcher(v).matches()) {
      throw QueryException.at(q, pos, field.lucene + ": takes " + hint + ", not '" + value + "'");
    }
    return new Node.Term(field, v);
  }
}
