package dev.outpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads agents' sentiment corrections from a CSV file (optionally gzipped) with a header: the
 * export of {@code GET /api/v1/corrections?format=csv} (columns {@code sentiment} and {@code
 * text}), or any CSV with a {@code sentiment} or {@code airline_sentiment} column and a {@code
 * text} column. Rows without a sentiment label (an intent-only correction) are skipped.
 */
final class CorrectionsFile {
  /** What was read: the labelled texts and how many rows were skipped. */
  record Read(List<Corpus.Example> examples, int rows, int skipped) {}

  private CorrectionsFile() {}

  static Read read(Path file) throws IOException {
    try (BufferedReader r = Corpus.reader(file);
        CSVParser csv =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      Map<String, Integer> header = csv.getHeaderMap();
      String labelColumn =
          header.containsKey("sentiment")
              ? "sentiment"
              : header.containsKey("airline_sentiment") ? "airline_sentiment" : null;
      if (labelColumn == null || !header.containsKey("text")) {
        throw new IOException(
            file
                + ": a corrections file needs a header with a 'sentiment' (or"
                + " 'airline_sentiment') column and a 'text' column, found "
                + header.keySet());
      }
      List<Corpus.Example> out = new ArrayList<>();
      int rows = 0;
      int skipped = 0;
      for (CSVRecord rec : csv) {
        rows++;
        if (!rec.isSet(labelColumn) || !rec.isSet("text")) {
          skipped++;
          continue;
        }
        int label = label(rec.get(labelColumn));
        String text = rec.get("text");
        if (label < 0 || text.isBlank()) {
          skipped++;
          continue;
        }
        out.add(example(rows, label, undefused(text.strip())));
      }
      return new Read(List.copyOf(out), rows, skipped);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IOException(file + ": unreadable CSV: " + e.getMessage(), e);
    }
  }

  private static Corpus.Example example(int row, int label, String text) {
    return new Corpus.Example("correction-" + row, label, text);
  }

  /** Undoes the apostrophe the CSV export puts before a cell starting with = + - @, tab or CR. */
  static String undefused(String text) {
    if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
      return text.substring(1);
    }
    return text;
  }

  private static int label(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "negative" -> 0;
      case "neutral" -> 1;
      case "positive" -> 2;
      default -> -1;
    };
  }
}
