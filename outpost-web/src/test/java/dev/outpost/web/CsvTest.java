package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void cellsAFormulaWouldStartWithAreDefused() {
    assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
    assertThat(Csv.cell("plain = fine")).isEqualTo("plain = fine");
    assertThat(Csv.cell(-5L)).as("numbers are numbers").isEqualTo("-5");
    assertThat(Csv.cell(null)).isEmpty();
  }

  @Test
  void rowsRoundTripThroughACsvParserWithQuotesCommasAndNewLines() throws Exception {
    String csv =
        Csv.write(
            List.of("text", "n"),
            List.of(List.of("a, \"quoted\"\nline", 3L), List.of("=cmd|' /C calc'!A0", 4L)));
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get(0)).isEqualTo("a, \"quoted\"\nline");
    assertThat(rows.get(2).get(0)).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(rows.get(2).get(1)).isEqualTo("4");
  }
}
