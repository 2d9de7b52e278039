package dev.outpost.web.broadcast;

import dev.outpost.care.broadcast.StatusView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The status page's updates as an Atom feed (RFC 4287), newest first. */
final class AtomFeed {
  private static final int MAX_ENTRIES = 50;

  private AtomFeed() {}

  private record Entry(StatusView.IncidentView incident, StatusView.Update update) {}

  static String render(StatusView view, String name, String statusUrl) {
    List<Entry> entries = new ArrayList<>();
    for (StatusView.IncidentView i : view.active()) {
      i.updates().forEach(u -> entries.add(new Entry(i, u)));
    }
    for (StatusView.IncidentView i : view.past()) {
      i.updates().forEach(u -> entries.add(new Entry(i, u)));
    }
    entries.sort(Comparator.comparing((Entry e) -> e.update().at()).reversed());
    StringBuilder x = new StringBuilder(4_096);
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <title>")
        .append(escape(name))
        .append(" status</title>\n")
        .append("  <id>")
        .append(escape(statusUrl))
        .append("</id>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(escape(statusUrl))
        .append("\"/>\n")
        .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(escape(statusUrl + "/feed.atom"))
        .append("\"/>\n")
        .append("  <updated>")
        .append(view.updatedAt().orElse(Instant.EPOCH))
        .append("</updated>\n");
    for (Entry e : entries.subList(0, Math.min(MAX_ENTRIES, entries.size()))) {
      String link = statusUrl + "#incident-" + e.incident().id();
      x.append("  <entry>\n")
          .append("    <id>")
          .append(escape(link + "-" + e.update().seq()))
          .append("</id>\n")
          .append("    <title>")
          .append(escape(e.update().kind() + ": " + e.incident().title()))
          .append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(escape(link))
          .append("\"/>\n")
          .append("    <updated>")
          .append(e.update().at())
          .append("</updated>\n")
          .append("    <author><name>")
          .append(escape(name))
          .append("</name></author>\n")
          .append("    <content type=\"text\">")
          .append(escape(e.update().body()))
          .append("</content>\n")
          .append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  /** Escapes XML text and attribute values; drops characters XML 1.0 cannot carry. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                  boolean legal =
                      c == 0x9
                          || c == 0xA
                          || c == 0xD
                          || (c >= 0x20 && c <= 0xD7FF)
                          || (c >= 0xE000 && c <= 0xFFFD)
                          || c >= 0x10000;
                  if (legal) {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.toString();
  }
}
