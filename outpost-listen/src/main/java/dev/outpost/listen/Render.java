package dev.outpost.listen;

import java.util.stream.Collectors;

/** Writes a node back as a query in canonical form; parsing the result gives the same node. */
final class Render {
  private Render() {}

  static String render(Node node) {
    return switch (node) {
      case Node.Or o ->
          o.children().stream().map(Render::orChild).collect(Collectors.joining(" OR "));
      case Node.And a ->
          a.children().stream().map(Render::andChild).collect(Collectors.joining(" AND "));
      case Node.Not n ->
          "NOT " + (isGroup(n.child()) ? "(" + render(n.child()) + ")" : render(n.child()));
      case Node.Near n ->
          nearSide(n.left(), false)
              + " NEAR/"
              + n.distance()
              + (n.ordered() ? "f " : " ")
              + nearSide(n.right(), true);
      case Node.Term t -> term(t);
      case Node.Phrase ph ->
          (ph.field() == Field.RAW ? "raw:" : "")
              + "\""
              + String.join(" ", ph.words())
              + "\""
              + (ph.slop() > 0 ? "~" + ph.slop() : "");
      case Node.Wild w ->
          switch (w.field()) {
            case RAW -> "raw:" + w.pattern();
            case URL -> "url:" + quoteIfNeeded(urlValue(w.pattern()));
            default -> w.pattern();
          };
      case Node.Range r -> range(r);
    };
  }

  private static String orChild(Node child) {
    return child instanceof Node.And ? "(" + render(child) + ")" : render(child);
  }

  private static String andChild(Node child) {
    return child instanceof Node.Or ? "(" + render(child) + ")" : render(child);
  }

  private static String nearSide(Node side, boolean right) {
    boolean paren = side instanceof Node.Or || (right && side instanceof Node.Near);
    return paren ? "(" + render(side) + ")" : render(side);
  }

  private static boolean isGroup(Node node) {
    return node instanceof Node.Or || node instanceof Node.And;
  }

  private static String term(Node.Term t) {
    return switch (t.field()) {
      case TEXT -> t.value();
      case TAG -> "#" + t.value();
      case MENTION -> "@" + t.value();
      default -> t.field().lucene + ":" + quoteIfNeeded(t.value());
    };
  }

  private static String urlValue(String pattern) {
    String v = pattern.substring(0, pattern.length() - 1);
    return v.replace("\\?", "?").replace("\\\\", "\\");
  }

  private static String quoteIfNeeded(String value) {
    boolean plain =
        value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '(' || c == ')' || c == '"');
    return plain ? value : "\"" + value + "\"";
  }

  private static String range(Node.Range r) {
    String f = r.field().lucene + ":";
    if (r.min() == r.max()) {
      return f + r.min();
    }
    if (r.max() == Long.MAX_VALUE) {
      return f + ">=" + r.min();
    }
    if (r.min() == 0) {
      return f + "<=" + r.max();
    }
    return f + r.min() + ".." + r.max();
  }
}
