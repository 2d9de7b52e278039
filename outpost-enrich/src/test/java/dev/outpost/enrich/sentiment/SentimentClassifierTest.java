package dev.outpost.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Enrichment.Sentiment;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SentimentClassifierTest {
  private static final SentimentClassifier MODEL = SentimentClassifier.loadDefault();

  @Test
  void clearCasesGetTheirClass() {
    assertThat(MODEL.classify("I love this phone, best purchase ever :)").label())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(MODEL.classify("Worst customer service ever. I hate waiting 3 hours").label())
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(MODEL.classify("The meeting is scheduled for Tuesday at 10am").label())
        .isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void negationTurnsPraiseAround() {
    double plain = MODEL.classify("this update is good").positive();
    double negated = MODEL.classify("this update is not good").positive();
    assertThat(negated).isLessThan(plain);
  }

  @Test
  void oddInputsGetValidProbabilities() {
    for (String text :
        new String[] {
          "",
          " ",
          "😀😀😀",
          "https://example.com/x",
          "\uFFFD\uFFFD",
          "a".repeat(1_000_000),
          "\uD83D"
        }) {
      SentimentScore s = MODEL.classify(text);
      assertThat(s.negative() + s.neutral() + s.positive()).isCloseTo(1.0, within());
      assertThat(s.confidence()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void shippedModelReachesTheTargetOnTweetEvalValidation() throws IOException {
    var val = Corpus.tweetEvalValidation(SharedData.dir("tweeteval_sentiment"));
    Evaluation e = Evaluation.of("val", MODEL, val);
    assertThat(e.size()).isEqualTo(2000);
    assertThat(e.macroRecall()).isGreaterThanOrEqualTo(0.66);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
