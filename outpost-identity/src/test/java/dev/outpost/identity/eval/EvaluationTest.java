package dev.outpost.identity.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  static Path data;

  @BeforeAll
  static void sharedData() {
    data = Path.of(System.getProperty("outpost.shared.data", "../../shared/data"));
    assumeTrue(
        Files.isDirectory(data.resolve("ibm_twitter_customer_care")),
        "skipped: ../shared/data (real brand and customer handles) is not present");
  }

  @Test
  void realHandlesAreLoadedAndSplitWithoutOverlap() {
    EvalData all = EvalData.load(data);
    assertThat(all.brands()).contains("AppleSupport", "TeamYouTube", "British_Airways", "JetBlue");
    assertThat(all.brands()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.customers()).hasSizeGreaterThan(8000).doesNotContain("AppleSupport");
    long dev =
        all.customers().stream().filter(c -> Evaluation.inSplit(c, Evaluation.Split.DEV)).count();
    assertThat(dev).isBetween(all.customers().size() * 4L / 10, all.customers().size() * 6L / 10);
  }

  @Test
  void testSplitMeetsTheTarget() {
    EvaluationReport r = Evaluation.run(data, Evaluation.Split.TEST, 20261123L, 0);
    assertThat(r.positives()).isGreaterThan(400);
    assertThat(r.negatives()).isGreaterThan(4000);
    assertThat(r.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.falsePositiveRate()).isLessThanOrEqualTo(0.02);
    assertThat(r.kinds()).allSatisfy(k -> assertThat(k.n()).isPositive());
  }

  @Test
  void generatorIsDeterministicForASeed() {
    List<String> strangers = List.of("jnardino", "cairdin");
    for (LookAlikes.Kind kind : LookAlikes.Kind.values()) {
      assertThat(LookAlikes.make(kind, "AppleSupport", strangers, new SplittableRandom(7)))
          .isEqualTo(LookAlikes.make(kind, "AppleSupport", strangers, new SplittableRandom(7)));
    }
  }
}
