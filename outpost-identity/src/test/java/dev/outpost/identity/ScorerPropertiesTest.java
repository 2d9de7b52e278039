package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class ScorerPropertiesTest {
  final ImpersonationScorer scorer =
      new ImpersonationScorer(
          ImpersonationScorerTest.ACME, List.of("@AcmeFans"), ImpersonationScorerTest.CLOCK);

  @Property(tries = 500)
  void anyTextGivesAValidAssessment(
      @ForAll @StringLength(max = 60) String handle,
      @ForAll @StringLength(max = 60) String displayName,
      @ForAll @StringLength(max = 300) String bio) {
    Assessment a = scorer.score(Candidate.of("x", handle, displayName, bio));
    assertThat(a.score()).isBetween(0.0, 1.0);
    assertThat(a.verdict()).isNotNull();
    assertThat(a.reasons()).doesNotContainNull();
    boolean impostor = a.score() >= ImpersonationScorer.IMPERSONATION_AT;
    assertThat(a.verdict() == Verdict.IMPERSONATION).isEqualTo(impostor);
  }

  @Property(tries = 300)
  void anyJsonLineParsesOrFailsWithIllegalArgument(@ForAll @StringLength(max = 200) String s) {
    String[] lines = {s, "{\"handle\":\"" + s + "\"}", "{\"handle\":\"a\",\"bio\":" + s + "}"};
    for (String line : lines) {
      try {
        Assessment a = scorer.score(Candidate.fromJson(line));
        assertThat(a.score()).isBetween(0.0, 1.0);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Property(tries = 200)
  void allowListedHandlesNeverScore(
      @ForAll @StringLength(max = 40) String displayName,
      @ForAll @StringLength(max = 200) String bio) {
    assertThat(scorer.score(Candidate.of("x", "@AcmeFans", displayName, bio)).score()).isZero();
  }
}
