package dev.outpost.listen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @united OR "united airlines" OR #unitedairlines | @united OR "united airlines" OR #unitedairlines
          @AmericanAir OR "American Airlines"            | @americanair OR "american airlines"
          @JetBlue OR jetblue                            | @jetblue OR jetblue
          a b c                                          | a AND b AND c
          a AND b OR c                                   | (a AND b) OR c
          a AND (b OR c)                                 | a AND (b OR c)
          'a && b || c'                                  | (a AND b) OR c
          ((a))                                          | a
          (a AND b) AND (c AND d)                        | a AND b AND c AND d
          a NOT b                                        | a AND NOT b
          a AND NOT (b OR c)                             | a AND NOT (b OR c)
          a NOT NOT b                                    | a AND b
          "delayed flight"~3                             | "delayed flight"~3
          "Delayed"                                      | delayed
          flight NEAR/5 delay                            | flight NEAR/5 delay
          flight NEAR/5f delay*                          | flight NEAR/5f delay*
          (late OR delay*) NEAR/3 "gate agent"           | (late OR delay*) NEAR/3 "gate agent"
          a NEAR/2 b NEAR/3 c                            | a NEAR/2 b NEAR/3 c
          a NEAR/2 (b NEAR/3 c)                          | a NEAR/2 (b NEAR/3 c)
          Produc*                                        | produc*
          *ing                                           | *ing
          raw:"iPhone"                                   | raw:iPhone
          raw:"iPhone X"~1                               | raw:"iPhone X"~1
          raw:iPh*                                       | raw:iPh*
          wi-fi                                          | "wi fi"
          Café                                           | cafe
          Straße                                         | strasse
          🔥                                             | 🔥
          #AcmeFail                                      | #acmefail
          url:https://www.Example.com/News               | url:example.com/news
          url:example.com/a?b=1                          | url:example.com/a?b=1
          site:www.bbc.co.uk                             | site:bbc.co.uk
          author:@JetBlue                                | author:jetblue
          lang:EN                                        | lang:en
          lang:pt_BR                                     | lang:pt-br
          network:mastodon                               | network:mastodon
          country:US                                     | country:us
          followers:>10000                               | followers:>=10001
          followers:>=5                                  | followers:>=5
          followers:<100                                 | followers:<=99
          followers:100..500                             | followers:100..500
          followers:1,000                                | followers:1000
          verified:TRUE                                  | verified:true
          delta lang:en followers:>10000 NOT spam        | delta AND lang:en AND followers:>=10001 AND NOT spam
          a OR NOT b AND c                               | a OR (NOT b AND c)
          and or                                         | and AND or
          """)
  void normalises(String query, String normalised) {
    QueryCheck check = QueryEngine.check(query);
    assertThat(check.ok()).as(check.message()).isTrue();
    assertThat(check.normalised()).isEqualTo(normalised);
    assertThat(QueryEngine.check(check.normalised()).normalised()).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} -> column {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                        | 1  | empty query
          '   '                     | 1  | empty query
          '"united airlines'        | 1  | unclosed quote
          'a OR "b'                 | 6  | unclosed quote
          '(a OR b'                 | 1  | missing ')'
          'a OR b)'                 | 7  | unbalanced ')'
          ')'                       | 1  | unbalanced ')'
          '()'                      | 1  | empty group
          'a AND ()'                | 7  | empty group
          'a AND'                   | 3  | AND needs a term after it
          'a OR'                    | 3  | OR needs a term after it
          'OR a'                    | 1  | OR needs a term before it
          'AND a'                   | 1  | AND needs a term before it
          'a AND OR b'              | 3  | AND needs a term after it
          '(a OR) b'                | 4  | OR needs a term after it
          'a NOT'                   | 3  | NOT needs a term after it
          'NOT a'                   | 1  | only excludes
          'NOT a OR b'              | 1  | only excludes
          'a NEAR b'                | 3  | NEAR needs a distance
          'a NEAR/x b'              | 3  | bad NEAR distance
          'a NEAR/5'                | 3  | NEAR/5 needs a term after it
          'NEAR/5 a'                | 1  | NEAR/5 needs a term before it
          'a NEAR/5 lang:en'        | 10 | NEAR joins words
          'a NEAR/5 #tag'           | 10 | NEAR joins words
          'a NEAR/5 (b AND c)'      | 10 | NEAR joins words
          'a NEAR/5 NOT b'          | 10 | NOT cannot follow NEAR
          'a NEAR/5 "b c"~2'        | 10 | cannot have '~'
          'raw:A NEAR/5 b'          | 7  | do not mix
          'a NEAR/5000 b'           | 8  | at most 1000
          'foo:bar'                 | 1  | unknown field 'foo'
          'a lang:'                 | 3  | needs a value
          'followers:>abc'          | 11 | bad number
          'followers:lots'          | 11 | bad number
          'followers:<0'            | 11 | empty range
          'followers:9..1'          | 11 | empty range
          'verified:maybe'          | 10 | true or false
          'lang:english!'           | 6  | language code
          'country:usa'             | 9  | two-letter code
          'site:example.com/path'   | 6  | host name
          '"a b"~'                  | 6  | needs a number
          '"a b"~x'                 | 6  | needs a number
          '"produc* launch"'        | 1  | not allowed inside quotes
          'a*'                      | 1  | at least 2 letters
          'foo-*'                   | 1  | one word
          '!!!'                     | 1  | nothing to match
          '""'                      | 1  | nothing to match
          '#'                       | 1  | hashtag
          '@'                       | 1  | mention
          '#foo-bar'                | 1  | hashtag
          '"hi @united"'            | 1  | outside quotes
          'see http://x.com'        | 5  | unknown field 'http'
          'é "x'                    | 3  | unclosed quote
          '🔥 "x'                   | 3  | unclosed quote
          """)
  void reportsErrorsWithTheirColumn(String query, int column, String message) {
    QueryCheck check = QueryEngine.check(query);
    assertThat(check.ok()).as("expected an error for %s", query).isFalse();
    assertThat(check.column()).as(check.message()).isEqualTo(column);
    assertThat(check.message()).contains(message);
    assertThat(check.normalised()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void rejectsQueriesOverLucenesClauseLimit() {
    String big =
        java.util.stream.IntStream.range(0, 1100)
            .mapToObj(i -> "w" + i)
            .collect(java.util.stream.Collectors.joining(" OR "));
    QueryCheck check = QueryEngine.check(big);
    assertThat(check.ok()).isFalse();
    assertThat(check.message()).contains("at most 1024 terms");
  }
}
