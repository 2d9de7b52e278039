package dev.outpost.enrich.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSentimentModelTest {
  @TempDir Path dir;

  /** Vocabulary and embedding; output columns are positive, neutral, negative (not our order). */
  private static final List<String> VOCAB =
      List.of(
          "[PAD]", "[UNK]", "[CLS]", "[SEP]", "good", "great", "bad", "awful", "flight", "##s",
          "the");

  private static final float[][] EMBEDDING = {
    {0, 0, 0}, {0, 1, 0}, {0, 0, 0}, {0, 0, 0}, {6, 0, 0}, {6, 0, 0}, {0, 0, 6}, {0, 0, 6},
    {0, 1, 0}, {0, 0, 0}, {0, 1, 0}
  };

  private Path modelDir() throws IOException {
    Files.write(dir.resolve("model.onnx"), TinyOnnx.meanEmbeddingClassifier(EMBEDDING));
    Files.write(dir.resolve("vocab.txt"), VOCAB);
    Files.write(dir.resolve("labels.txt"), List.of("positive", "neutral", "negative"));
    Files.writeString(dir.resolve("config.properties"), "max_length=16\nlowercase=true\n");
    return dir;
  }

  @Test
  void classifiesWithAUserSuppliedModelAndTokenizer() throws IOException {
    try (OnnxSentimentModel model = OnnxSentimentModel.load(modelDir())) {
      SentimentScore great = model.classify("The flight was GREAT!");
      assertThat(great.label()).isEqualTo(Sentiment.POSITIVE);
      assertThat(great.negative() + great.neutral() + great.positive())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      // "flights" is split into flight + ##s by WordPiece
      assertThat(model.classify("awful flights").label()).isEqualTo(Sentiment.NEGATIVE);
      assertThat(model.classify("").label()).isEqualTo(Sentiment.NEUTRAL);
      assertThat(model.classify("😀 " + "word ".repeat(10_000)).confidence()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void tokenizerSplitsPunctuationAndSubWords() {
    var vocab = new java.util.HashMap<String, Integer>();
    for (int i = 0; i < VOCAB.size(); i++) {
      vocab.put(VOCAB.get(i), i);
    }
    WordPieceTokenizer t = new WordPieceTokenizer(vocab, true, 8);
    assertThat(t.encode("Good, flights?")).containsExactly(2, 4, 1, 8, 9, 1, 3);
    assertThat(t.encode("good ".repeat(20))).hasSize(8).startsWith(2).endsWith(3);
  }

  @Test
  void reportsMissingOrBadFiles() throws IOException {
    assertThatThrownBy(() -> OnnxSentimentModel.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("model.onnx");
    modelDir();
    Files.write(dir.resolve("labels.txt"), List.of("happy", "neutral", "negative"));
    assertThatThrownBy(() -> OnnxSentimentModel.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1");
    Files.write(dir.resolve("labels.txt"), List.of("positive", "neutral", "negative"));
    Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> OnnxSentimentModel.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ONNX Runtime cannot load it");
  }
}
