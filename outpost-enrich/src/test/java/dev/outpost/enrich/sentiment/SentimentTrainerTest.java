package dev.outpost.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTrainerTest {
  @TempDir Path dir;

  @Test
  void trainsReproduciblyAndDropsValidationTweets() throws IOException {
    Path semEval = SharedData.dir("semeval2017_task4a_train");
    Path val = SharedData.dir("tweeteval_sentiment");
    Path data = Files.createDirectories(dir.resolve("data"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Corpus.reader(semEval.resolve("twitter-2016train-A.tsv"))) {
      for (String l = r.readLine(); l != null && lines.size() < 2500; l = r.readLine()) {
        lines.add(l);
      }
    }
    lines.add(lines.get(0)); // a duplicate id
    Files.write(data.resolve("part-A.tsv"), lines, StandardCharsets.UTF_8);

    SentimentTrainer.Report first = train(data, val, dir.resolve("a.bin.gz"));
    SentimentTrainer.Report second = train(data, val, dir.resolve("b.bin.gz"));

    assertThat(first.duplicateIds()).isPositive();
    assertThat(first.validationOverlap()).isPositive();
    assertThat(first.heldOut().macroRecall()).isGreaterThan(0.45);
    assertThat(Files.readAllBytes(dir.resolve("a.bin.gz")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b.bin.gz")));
    assertThat(second.heldOut().macroRecall()).isEqualTo(first.heldOut().macroRecall());
    SentimentClassifier loaded = SentimentClassifier.load(dir.resolve("a.bin.gz"));
    assertThat(loaded.classify("so happy, I love it").label().label()).isEqualTo("positive");
  }

  private SentimentTrainer.Report train(Path data, Path val, Path out) throws IOException {
    var o =
        new SentimentTrainer.Options(
            data, Optional.of(val), Optional.empty(), out, 7, 0.2, List.of(1.0), 1);
    return new SentimentTrainer(new PrintWriter(new StringWriter())).train(o);
  }
}
