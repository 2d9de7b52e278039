package dev.outpost.connectors.rss;

import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a recorded feed at {@code /feed}, newest entry first, with an ETag per version and 304 on
 * a matching {@code If-None-Match}; {@link #visible} hides the newest entries.
 */
final class FakeFeed {
  final FakeServer server;
  final List<String> blocks = new ArrayList<>();
  final String head;
  final String tail;
  final String contentType;
  volatile int visible;

  FakeFeed(String xml, String tag, String contentType) throws Exception {
    Matcher m = Pattern.compile("(?s)\\s*<" + tag + ">.*?</" + tag + ">\\s*\\n").matcher(xml);
    int first = -1;
    int end = 0;
    while (m.find()) {
      if (first < 0) {
        first = m.start();
      }
      blocks.add(m.group());
      end = m.end();
    }
    head = xml.substring(0, first);
    tail = xml.substring(end);
    this.contentType = contentType;
    visible = blocks.size();
    server = new FakeServer();
    server.listen(r -> r.path().equals("/feed"));
    server.route("GET", "/feed", r -> answer(r.header("If-None-Match")));
  }

  private Reply answer(String ifNoneMatch) {
    String etag = "\"v" + visible + "\"";
    if (etag.equals(ifNoneMatch)) {
      return Reply.of(304, contentType, "").withHeader("ETag", etag);
    }
    StringBuilder sb = new StringBuilder(head);
    for (int i = blocks.size() - visible; i < blocks.size(); i++) {
      sb.append(blocks.get(i));
    }
    sb.append(tail);
    return Reply.of(200, contentType, sb.toString()).withHeader("ETag", etag);
  }

  /** The ids in the order a listener must emit them (oldest first). */
  List<String> ids(String idTag) {
    List<String> out = new ArrayList<>();
    Pattern p = Pattern.compile("<" + idTag + "[^>]*>([^<]+)</" + idTag + ">");
    for (String b : blocks.reversed()) {
      Matcher m = p.matcher(b);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
