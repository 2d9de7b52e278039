package dev.outpost.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
  private static String normalised(String text) {
    Features f = new Features();
    Featurizer.extract(text, f);
    return new String(f.text, 0, f.textLength);
  }

  @Test
  void normalisesMentionsLinksElongationAndEmoticons() {
    assertThat(normalised("@Delta SOOOO happyyyy :) http://t.co/x #win"))
        .isEqualTo("@user soo happyy :) <url> #win");
    Features f = new Features();
    Featurizer.extract("SOOOO happyyyy", f);
    assertThat(f.dense[Features.ELONGATED]).isEqualTo(1f);
    assertThat(f.dense[Features.ALL_CAPS]).isEqualTo(1f);
  }

  @Test
  void negationScopeEndsAtPunctuation() {
    Features f = new Features();
    Featurizer.extract("not good. good", f);
    // unigrams: not, NEG good, good (bigrams in between)
    int negated = f.words[2];
    int plain = f.words[4];
    assertThat(negated)
        .isGreaterThanOrEqualTo(Featurizer.NEG_BASE)
        .isLessThan(Featurizer.BIGRAM_BASE);
    assertThat(plain).isLessThan(Featurizer.NEG_BASE);
    assertThat(Featurizer.unigramBucket("good", true)).isEqualTo(negated);
    assertThat(Featurizer.unigramBucket("good", false)).isEqualTo(plain);
  }

  @Test
  void emojiAreTokens() {
    assertThat(normalised("great 😀👍")).isEqualTo("great 😀 👍");
  }

  @Property(tries = 300)
  void everyBucketIsInsideTheModel(@ForAll String text) {
    Features f = new Features();
    Featurizer.extract(text, f);
    for (int k = 0; k < f.wordCount; k++) {
      assertThat(f.words[k]).isBetween(0, Featurizer.CHAR_BASE - 1);
    }
    for (int k = 0; k < f.charCount; k++) {
      assertThat(f.chars[k]).isBetween(Featurizer.CHAR_BASE, Featurizer.HASHED - 1);
    }
  }
}
