package dev.outpost.detect.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.outpost.detect.Observation;
import dev.outpost.detect.Sentiment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void parsesTheThreeTimestampFormats() {
    assertThat(Timestamps.parse("Thu Jun 20 03:56:19 +0000 2013"))
        .contains(Instant.parse("2013-06-20T03:56:19Z"));
    assertThat(Timestamps.parse("2015-02-24 11:35:52 -0800"))
        .contains(Instant.parse("2015-02-24T19:35:52Z"));
    assertThat(Timestamps.parse("2015-02-24T11:35:52-08:00"))
        .contains(Instant.parse("2015-02-24T19:35:52Z"));
    assertThat(Timestamps.parse("2015-02-24T19:35:52Z"))
        .contains(Instant.parse("2015-02-24T19:35:52Z"));
    assertThat(Timestamps.parse("yesterday")).isEmpty();
  }

  @Test
  void headerIsMatchedTrimmedAndCaseInsensitively() throws Exception {
    Path p =
        write(
            "c.csv",
            "Timestamp, Tweet-ID, Included(Y/N)\n"
                + "\"Sun Apr 28 06:01:00 +0000 2013\",\"1\",Y\n\n"
                + "\"Sun Apr 28 06:02:05 +0000 2013\",\"2\",Y\n");
    List<Observation> rows = CsvReplay.read(p, CsvReplay.Options.defaults());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).at()).isEqualTo(Instant.parse("2013-04-28T06:02:05Z"));
    assertThat(rows.get(1).postKey()).isEqualTo("csv:2");
  }

  @Test
  void readsOptionalColumnsAndGzip() throws Exception {
    Path p = dir.resolve("t.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(
          ("timestamp,text,topic,sentiment,author\n"
                  + "2024-01-01T00:00:00Z,\"my flight, cancelled\",acme,negative,bob\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Observation o = CsvReplay.read(p, CsvReplay.Options.defaults()).get(0);
    assertThat(o.topic()).isEqualTo("acme");
    assertThat(o.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(o.author()).isEqualTo("bob");
    assertThat(o.text()).isEqualTo("my flight, cancelled");
  }

  @Test
  void badInputGivesAClearErrorWithTheLine() throws Exception {
    assertThatThrownBy(() -> CsvReplay.read(write("e.csv", ""), CsvReplay.Options.defaults()))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("empty file");
    assertThatThrownBy(
            () -> CsvReplay.read(write("h.csv", "when,text\nx,y\n"), CsvReplay.Options.defaults()))
        .hasMessageContaining("no timestamp column");
    assertThatThrownBy(
            () ->
                CsvReplay.read(
                    write("b.csv", "timestamp\n2024-01-01T00:00:00Z\nnot a time\n"),
                    CsvReplay.Options.defaults()))
        .hasMessageContaining("line 3")
        .hasMessageContaining("unparseable timestamp");
    assertThatThrownBy(
            () ->
                CsvReplay.read(
                    write("m.csv", "timestamp,text\n2024-01-01T00:00:00Z,a\n,b\n"),
                    CsvReplay.Options.defaults()))
        .hasMessageContaining("line 3: missing timestamp");
  }

  @Test
  void disorderWithinToleranceIsAcceptedBeyondItRejectedUnlessSorted() throws Exception {
    Path small =
        write(
            "s.csv",
            "timestamp\n2024-01-01T00:10:00Z\n2024-01-01T00:07:00Z\n2024-01-01T00:11:00Z\n");
    assertThat(CsvReplay.read(small, CsvReplay.Options.defaults())).hasSize(3);
    Path big = write("o.csv", "timestamp\n2024-01-01T01:00:00Z\n2024-01-01T00:00:00Z\n");
    assertThatThrownBy(() -> CsvReplay.read(big, CsvReplay.Options.defaults()))
        .hasMessageContaining("line 3: row out of order");
    var sorted = new CsvReplay.Options(java.time.Duration.ZERO, true, Map.of(), Map.of());
    assertThat(CsvReplay.read(big, sorted).get(0).at())
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void burstStartOfWestTexasIsTheEveningOfTheExplosion() throws Exception {
    Path data = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    Path file =
        data.resolve(
            "crisislex/data/CrisisLexT26/2013_West_Texas_explosion/"
                + "2013_West_Texas_explosion-tweetids_entire_period.csv");
    assumeThat(Files.exists(file)).as("shared data absent: " + file).isTrue();
    var rows =
        CsvReplay.read(
            file, new CsvReplay.Options(java.time.Duration.ZERO, true, Map.of(), Map.of()));
    assertThat(rows).hasSize(14599);
    var start = BurstStart.of(rows.stream().map(Observation::at).toList()).orElseThrow();
    // the plant exploded at 19:50 CDT on 17 April 2013 (00:50 UTC on the 18th)
    assertThat(start)
        .isBetween(Instant.parse("2013-04-18T00:50:00Z"), Instant.parse("2013-04-18T01:30:00Z"));
    var result =
        Evaluation.evaluate(
            new Evaluation.Event("west", file, Map.of()),
            dev.outpost.detect.DetectorConfig.defaults());
    assertThat(result.delay())
        .hasValueSatisfying(d -> assertThat(d.toMinutes()).isLessThanOrEqualTo(15));
    assertThat(result.falseAlarms()).isLessThanOrEqualTo(1);
  }
}
