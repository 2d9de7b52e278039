package dev.outpost.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QueryPropertiesTest {

  private static final List<String> PIECES =
      List.of(
          "AND",
          "OR",
          "NOT",
          "NEAR/3",
          "NEAR/2f",
          "NEAR",
          "(",
          ")",
          "\"",
          "\"delayed flight\"",
          "\"a b\"~2",
          "~",
          "united",
          "Café",
          "produc*",
          "*",
          "#AcmeFail",
          "#",
          "@united",
          "@",
          "raw:\"iPhone\"",
          "raw:",
          "url:example.com/a",
          "site:bbc.co.uk",
          "author:jetblue",
          "lang:en",
          "lang:",
          "network:x",
          "country:us",
          "followers:>10000",
          "followers:>x",
          "verified:true",
          "verified:",
          "foo:bar",
          "🔥",
          "-",
          ":",
          "!!",
          "&&",
          "||",
          " ");

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> piece = Arbitraries.of(PIECES);
    return piece.list().ofMinSize(0).ofMaxSize(12).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings()
        .withChars("aZé🔥#@\"()*:~/><=.,- \t")
        .withCharRange('a', 'e')
        .withCharRange('\u00c0', '\u02ff')
        .all()
        .ofMaxLength(40);
  }

  @Property(tries = 1000)
  void structuredQueriesParseOrFailWithAPosition(@ForAll("queries") String query) {
    checkNeverThrows(query, true);
  }

  @Property(tries = 1000)
  void anyStringParsesOrFailsWithAPosition(@ForAll("noise") String query) {
    // Normalising is idempotent for Latin text and emoji; exotic code points that NFKC and folding
    // turn into ideographs can re-tokenise differently, so only the no-exception rule is checked.
    boolean latin = query.codePoints().allMatch(c -> c < 0x250 || c == 0x1F525);
    checkNeverThrows(query, latin);
  }

  private static void checkNeverThrows(String query, boolean idempotent) {
    QueryCheck check = QueryEngine.check(query);
    if (check.ok() && !idempotent) {
      QueryEngine.luceneQuery(
          new dev.outpost.core.Topic("t", "T", dev.outpost.core.TopicKind.BRAND, query));
    } else if (check.ok()) {
      assertThat(check.normalised()).isNotBlank();
      QueryCheck again = QueryEngine.check(check.normalised());
      assertThat(again.ok()).as(again.message()).isTrue();
      assertThat(again.normalised()).isEqualTo(check.normalised());
      QueryEngine.luceneQuery(
          new dev.outpost.core.Topic("t", "T", dev.outpost.core.TopicKind.BRAND, query));
    } else {
      assertThat(check.column()).isBetween(1, query.codePointCount(0, query.length()) + 1);
      assertThat(check.message()).isNotBlank();
    }
  }
}
