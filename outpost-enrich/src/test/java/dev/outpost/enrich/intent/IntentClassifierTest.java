package dev.outpost.enrich.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
  private static final SentimentClassifier SENTIMENT = SentimentClassifier.loadDefault();
  private static final IntentClassifier INTENTS = new IntentClassifier();

  private static java.util.Set<Intent> of(String text) {
    return INTENTS.classify(text, SENTIMENT.classify(text));
  }

  @Test
  void recognisesEachIntent() {
    assertThat(of("@united worst service ever, 3 hours on hold and still no refund"))
        .contains(Intent.COMPLAINT);
    assertThat(of("@delta how do I change my seat on tomorrow's flight?"))
        .contains(Intent.QUESTION);
    assertThat(of("Thank you @SouthwestAir for the amazing crew today, loved it!"))
        .contains(Intent.PRAISE);
    assertThat(of("@Spotify the app is down again, keeps crashing on start"))
        .contains(Intent.OUTAGE);
    assertThat(of("I'm cancelling my subscription and switching to a competitor"))
        .contains(Intent.CHURN);
    assertThat(of("where can i buy the new headphones, how much are they"))
        .contains(Intent.PURCHASE);
    assertThat(of("FREE FOLLOWERS click here http://a.b http://c.d http://e.f"))
        .contains(Intent.SPAM);
    assertThat(of("The conference starts at nine")).containsExactly(Intent.OTHER);
  }

  @Test
  void oddInputsGetOther() {
    for (String text : new String[] {"", "😀", "https://t.co/x", "\uFFFD"}) {
      assertThat(of(text)).isNotEmpty();
    }
  }

  @Test
  void complaintRulesBeatTheMajorityBaselineOnAirlineTweets() throws IOException {
    Path root = Path.of(System.getProperty("outpost.shared.data", "../../shared/data"));
    Path csv = root.resolve("twitter_us_airline_sentiment/Tweets.csv.gz");
    assumeTrue(Files.exists(csv), "airline data not found at " + csv + "; skipping");
    var scores =
        new IntentEvaluation(SENTIMENT, INTENTS).run(csv, new PrintWriter(new StringWriter()));
    assertThat(scores.get("complaint").precision()).isGreaterThan(0.85);
    assertThat(scores.get("complaint").recall()).isGreaterThan(0.55);
    assertThat(scores.get("reason Cancelled Flight").f1()).isGreaterThan(0.6);
  }
}
