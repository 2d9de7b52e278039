package dev.outpost.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Agents' corrections read from the API's CSV export and folded into training. */
class CorrectionsTrainingTest {
  @TempDir Path dir;

  private static final String HEADER =
      "id,mention_id,at,actor,sentiment,intents,previous_sentiment,previous_intents,text\n";

  @Test
  void readsTheExportUndoesFormulaDefusingAndSkipsIntentOnlyRows() throws IOException {
    Path csv = dir.resolve("c.csv");
    Files.writeString(
        csv,
        HEADER
            + "3,30,2026-01-01T00:00:00Z,ana,negative,,positive,,'@united lost my bag\n"
            + "2,20,2026-01-01T00:00:00Z,ana,,complaint,neutral,other,where is my refund\n"
            + "1,10,2026-01-01T00:00:00Z,ana,positive,,negative,,\"thanks, great crew\"\n",
        StandardCharsets.UTF_8);
    CorrectionsFile.Read read = CorrectionsFile.read(csv);
    assertThat(read.rows()).isEqualTo(3);
    assertThat(read.skipped()).isEqualTo(1);
    assertThat(read.examples())
        .extracting(Corpus.Example::text)
        .containsExactly("@united lost my bag", "thanks, great crew");
    assertThat(read.examples()).extracting(Corpus.Example::label).containsExactly(0, 2);
  }

  @Test
  void aFileWithoutTheColumnsIsRefusedNamingThem() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "label,body\npositive,yes\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CorrectionsFile.read(csv))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'sentiment'")
        .hasMessageContaining("'text'");
  }

  @Test
  void correctionsAreFoldedInAndMeasuredAgainstTheShippedModel() throws IOException {
    Path semEval = SharedData.dir("semeval2017_task4a_train");
    Path data = Files.createDirectories(dir.resolve("data"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Corpus.reader(semEval.resolve("twitter-2016train-A.tsv"))) {
      for (String l = r.readLine(); l != null && lines.size() < 1500; l = r.readLine()) {
        lines.add(l);
      }
    }
    Files.write(data.resolve("part-A.tsv"), lines, StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("sentiment,text\n");
    for (int i = 0; i < 100; i++) {
      // An organisation whose customers call a delay "epic": the base model reads it as praise.
      csv.append("negative,flight ").append(i).append(" epic delay again\n");
      csv.append("positive,crew ").append(i).append(" were lovely today\n");
    }
    csv.append("negative,flight 0 epic delay again\n"); // a repeated text: used once
    Path corrections = dir.resolve("corrections.csv");
    Files.writeString(corrections, csv, StandardCharsets.UTF_8);

    var o =
        new SentimentTrainer.Options(
            data,
            Optional.empty(),
            Optional.empty(),
            dir.resolve("m.bin.gz"),
            7,
            0.2,
            List.of(1.0),
            1,
            Optional.of(corrections),
            3,
            0.5);
    StringWriter log = new StringWriter();
    SentimentTrainer.Report report = new SentimentTrainer(new PrintWriter(log)).train(o);

    SentimentTrainer.Adaptation a = report.adaptation().orElseThrow();
    assertThat(a.used()).isEqualTo(100);
    assertThat(a.weight()).isEqualTo(3);
    assertThat(log.toString()).contains("1 repeated texts skipped");
    assertThat(a.adapted().orElseThrow().size()).isEqualTo(100);
    assertThat(a.adapted().orElseThrow().macroRecall())
        .isGreaterThan(a.base().orElseThrow().macroRecall());
    assertThat(
            SentimentClassifier.load(dir.resolve("m.bin.gz"))
                .classify("flight 999 epic delay again")
                .label()
                .label())
        .isEqualTo("negative");
  }

  @Test
  void badCorrectionOptionsNameTheSetting() {
    assertThatThrownBy(
            () ->
                new SentimentTrainer.Options(
                    dir,
                    Optional.empty(),
                    Optional.empty(),
                    dir,
                    1,
                    0.1,
                    List.of(1.0),
                    1,
                    Optional.empty(),
                    0,
                    0))
        .hasMessageContaining("--corrections-weight");
    assertThatThrownBy(
            () ->
                new SentimentTrainer.Options(
                    dir,
                    Optional.empty(),
                    Optional.empty(),
                    dir,
                    1,
                    0.1,
                    List.of(1.0),
                    1,
                    Optional.empty(),
                    1,
                    1.0))
        .hasMessageContaining("--corrections-held-out");
  }
}
