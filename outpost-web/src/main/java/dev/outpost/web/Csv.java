package dev.outpost.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tables as CSV (RFC 4180). Cells that a spreadsheet would read as a formula (starting with {@code
 * = + - @}, a tab or a carriage return) get a leading apostrophe, so opening an export never runs
 * anything a post's author wrote.
 */
public final class Csv {
  private Csv() {}

  public static String write(List<String> header, List<List<?>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(header.stream().map(Csv::cell).toList());
      for (List<?> row : rows) {
        printer.printRecord(row.stream().map(Csv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }
}
