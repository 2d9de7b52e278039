package dev.outpost.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile feeds (issue 14): a feed either fails to parse (the listener reports it as a malformed
 * body and retries) or each of its entries is read as a valid post or refused with a reason; entity
 * bombs and external entities are never expanded; the checkpoint reader survives any cursor.
 */
class RssHostileTest {
  private static final Instant NOW = TestSupport.CLOCK.instant();
  private static final String NASTY =
      "\uD800 <script>alert(1)</script> \u202E &#99999999999; &#0; " + "x".repeat(300);

  private static void readsOrFails(byte[] xml) {
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      return; // reported as a malformed body, retried, never a crash
    }
    for (SyndEntry e : feed.getEntries()) {
      assertThat(FeedListener.id(e)).hasSizeLessThanOrEqualTo(256);
      Hostile.readsOrRefuses(() -> FeedListener.post(feed, e, "feed.example", NOW));
    }
  }

  private static String rss(String item) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
        + "<link>https://f.example/</link><description>d</description>"
        + item
        + "</channel></rss>";
  }

  @Example
  void nastyFeedsParseIntoValidPostsOrFailCleanly() {
    List<String> feeds = new ArrayList<>();
    feeds.add(rss("<item></item>"));
    feeds.add(
        rss("<item><guid>" + "g".repeat(100_000) + "</guid><title>" + NASTY + "</title></item>"));
    feeds.add(rss("<item><title><![CDATA[" + "acme ".repeat(200_000) + "]]></title></item>"));
    feeds.add(
        rss("<item><pubDate>Tue, 99 Zzz 99999 99:99:99 +9999</pubDate><title>x</title></item>"));
    feeds.add(rss("<item><description/><author/><link>javascript:alert(1)</link></item>"));
    feeds.add(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<rss version=\"2.0\"><channel><title>&lol3;</title><item><title>&lol3;</title></item></channel></rss>");
    feeds.add(
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>");
    feeds.add(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id></id><title type=\"html\">&lt;b&gt;x</title></entry></feed>");
    feeds.add("<rss>" + "<channel>".repeat(10_000) + "</rss>");
    feeds.add("");
    feeds.add("not xml at all");
    for (String f : feeds) {
      readsOrFails(f.getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] b : Hostile.bodies()) {
      readsOrFails(b);
    }
    byte[] latin =
        rss("<item><title>caf\u00e9</title></item>").getBytes(StandardCharsets.ISO_8859_1);
    readsOrFails(latin);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("<>&;#x/abc\"'=[]!\u202E\uD800 CDATA").ofMaxLength(200);
  }

  @Property(tries = 300)
  void randomMarkupInsideAnItemIsReadOrFailsCleanly(@ForAll("texts") String t) {
    readsOrFails(
        rss("<item><title>" + t + "</title><description>" + t + "</description></item>")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void anyCheckpointTextGivesAStateOrAClearError(@ForAll("texts") String cursor) {
    try {
      FeedState.parse(cursor);
    } catch (ConnectorException e) {
      assertThat(e.retriable()).isFalse();
      assertThat(e.getMessage()).contains("not a feed checkpoint");
    }
  }
}
