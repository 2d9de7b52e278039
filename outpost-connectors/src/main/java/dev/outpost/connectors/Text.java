package dev.outpost.connectors;

import dev.outpost.core.Post;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers: HTML bodies (Mastodon, RSS, YouTube) to plain text, ids compared as numbers. */
public final class Text {
  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>|</(p|div|li|h[1-6])>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

  private Text() {}

  /** Strips tags, turns paragraph and line breaks into newlines, decodes entities, cuts to size. */
  public static String fromHtml(String html) {
    if (html == null) {
      return "";
    }
    String s = BREAK.matcher(html).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    return Post.truncate(decodeEntities(s).strip());
  }

  /** Decodes numeric entities and the common named ones; leaves unknown ones as they are. */
  public static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r;
      try {
        if (e.startsWith("#x") || e.startsWith("#X")) {
          r = Character.toString(Integer.parseInt(e.substring(2), 16));
        } else if (e.startsWith("#")) {
          r = Character.toString(Integer.parseInt(e.substring(1)));
        } else {
          r =
              switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> m.group();
              };
        }
      } catch (IllegalArgumentException ex) {
        r = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Compares decimal ids of any length (snowflakes) as numbers. */
  public static int compareIds(String a, String b) {
    String x = a.replaceFirst("^0+(?=.)", "");
    String y = b.replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }
}
