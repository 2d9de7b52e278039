package dev.outpost.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile queries (issue 14): deep nesting, megabyte queries, lone surrogates, bidi and zero-width
 * characters, NUL, HTML/JS, huge numbers. Each either parses or is refused with a column and a
 * message (exit 2 on the command line, 400 in the API), never an exception or a stack overflow.
 */
class QueryHostileTest {
  private static List<String> corpus() {
    List<String> q = new ArrayList<>();
    for (int depth : new int[] {50, 1_000, 10_000, 200_000}) {
      q.add("(".repeat(depth) + "acme" + ")".repeat(depth));
      q.add("(".repeat(depth));
      q.add("NOT ".repeat(depth) + "acme");
      q.add("acme AND (".repeat(depth) + "x" + ")".repeat(depth));
      q.add("-".repeat(depth) + "acme");
    }
    q.add("acme ".repeat(200_000));
    q.add("a".repeat(1_000_000));
    q.add("\"" + "acme ".repeat(100_000));
    q.add("\"" + "acme ".repeat(2_000) + "\"~999999999999");
    q.add(String.join(" OR ", java.util.Collections.nCopies(5_000, "acme")));
    q.add("acme NEAR/99999999999999999999 refund");
    q.add("followers:>99999999999999999999999999");
    q.add("followers:>-1");
    q.add("\uD800acme\uDFFF");
    q.add("acme\u0000refund");
    q.add("\u202Eacme\u202C \u200Brefund\u200B \uFEFF");
    q.add("<script>alert(1)</script> OR \"<img src=x onerror=alert(1)>\"");
    q.add("raw:\"" + "\\".repeat(10_000) + "\"");
    q.add("lang:" + "x".repeat(100_000));
    q.add("url:" + "/".repeat(100_000));
    q.add("#".repeat(100_000));
    q.add("@".repeat(100_000));
    q.add("*".repeat(100_000));
    q.add("acme*".repeat(10_000));
    q.add("\t\n\r\u000B\f");
    q.add("");
    return q;
  }

  private static void parsesOrIsRefused(String query) {
    QueryCheck check = QueryEngine.check(query);
    if (check.ok()) {
      assertThat(check.normalised()).isNotBlank();
      QueryEngine.luceneQuery(new Topic("t", "T", TopicKind.BRAND, query));
    } else {
      assertThat(check.column()).isBetween(1, query.codePointCount(0, query.length()) + 1);
      assertThat(check.message()).isNotBlank().hasSizeLessThan(500);
    }
  }

  @Example
  void theHostileCorpusParsesOrIsRefusedWithAColumn() {
    for (String q : corpus()) {
      parsesOrIsRefused(q);
    }
  }

  @Provide
  Arbitrary<String> nested() {
    return Arbitraries.strings()
        .withChars("()\"-NOT ANDOR~*:a ")
        .ofMinLength(100)
        .ofMaxLength(3_000);
  }

  @Property(tries = 300)
  void randomNestingParsesOrIsRefused(@ForAll("nested") String query) {
    parsesOrIsRefused(query);
  }
}
