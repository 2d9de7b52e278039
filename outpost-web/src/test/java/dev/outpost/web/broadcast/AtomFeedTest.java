package dev.outpost.web.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.care.broadcast.StatusView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AtomFeedTest {
  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hostileTextStaysTextAndCharactersXmlCannotCarryAreDropped() throws Exception {
    String hostile = "]]></content><script>x</script>&amp; \u0000\u001b\uFFFE ok 👍🏽";
    StatusView view =
        new StatusView(
            "major outage",
            List.of(),
            List.of(
                new StatusView.IncidentView(
                    7,
                    "Down <b>" + hostile,
                    "major outage",
                    List.of("checkout"),
                    T,
                    Optional.empty(),
                    List.of(
                        new StatusView.Update(2, "update", "Still " + hostile, T.plusSeconds(600)),
                        new StatusView.Update(1, "announcement", hostile, T)))),
            List.of(),
            Optional.of(T.plusSeconds(600)));
    String xml = AtomFeed.render(view, "Acme & <Co>", "https://status.example.com/status");
    Document doc = parse(xml);
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
        .isEqualTo(2);
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Acme & <Co> status");
    String first = doc.getElementsByTagName("content").item(0).getTextContent();
    assertThat(first).isEqualTo("Still ]]></content><script>x</script>&amp;  ok 👍🏽");
    assertThat(doc.getElementsByTagName("id").item(1).getTextContent())
        .isEqualTo("https://status.example.com/status#incident-7-2");
    assertThat(doc.getElementsByTagName("updated").item(0).getTextContent())
        .isEqualTo("2026-12-04T10:10:00Z");
  }

  @Test
  void anEmptyFeedIsValid() throws Exception {
    String xml =
        AtomFeed.render(
            new StatusView("operational", List.of(), List.of(), List.of(), Optional.empty()),
            "Acme",
            "https://s.example/status");
    assertThat(parse(xml).getElementsByTagName("entry").getLength()).isZero();
  }
}
