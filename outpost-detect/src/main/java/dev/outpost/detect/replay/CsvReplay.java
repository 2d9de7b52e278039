package dev.outpost.detect.replay;

import dev.outpost.core.Post;
import dev.outpost.detect.Detector;
import dev.outpost.detect.Observation;
import dev.outpost.detect.Sentiment;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a timestamped stream from a CSV file (plain or gzipped) and replays it through a {@link
 * Detector}. Header names are matched trimmed and case-insensitively. Rows must be in time order,
 * except that a row up to {@code tolerance} earlier than the latest row is accepted (it is counted
 * at the latest time); with {@code sort} the whole file is sorted first instead.
 */
public final class CsvReplay {
  private static final List<String> TIMESTAMP = List.of("timestamp", "tweet_created", "created_at");
  private static final List<String> TEXT = List.of("text", "tweet text", "tweet");
  private static final List<String> TOPIC = List.of("topic");
  private static final List<String> SENTIMENT = List.of("sentiment", "airline_sentiment");
  private static final List<String> AUTHOR = List.of("author", "name", "user", "screen_name");
  private static final List<String> ID = List.of("id", "tweet_id", "tweet-id");

  private CsvReplay() {}

  /**
   * How to read the file.
   *
   * @param tolerance how far a row may go back in time before the file is rejected
   * @param sort sort the rows by time instead of rejecting disorder
   * @param where keep only rows whose column (trimmed, case-insensitive name) equals the value
   * @param columns explicit column names by role ({@code timestamp}, {@code text}, {@code topic},
   *     {@code sentiment}, {@code author}, {@code id}); others are found by their usual names
   */
  public record Options(
      Duration tolerance, boolean sort, Map<String, String> where, Map<String, String> columns) {
    public Options {
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance must be >= 0");
      }
      where = Map.copyOf(where);
      columns = Map.copyOf(columns);
    }

    public static Options defaults() {
      return new Options(Duration.ofMinutes(5), false, Map.of(), Map.of());
    }
  }

  /** What was read. */
  public record Summary(long rows, long late, Instant first, Instant last) {}

  /** Reads and validates the whole file; the observations are in stream order. */
  public static List<Observation> read(Path file, Options options)
      throws IOException, ReplayException {
    try (Reader reader = open(file);
        CSVParser parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .get()
                .parse(reader)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
        throw new ReplayException(file + ": empty file, expected a header with a timestamp column");
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      int ts = column(index, options, "timestamp", TIMESTAMP);
      if (ts < 0) {
        throw new ReplayException(
            file + ": no timestamp column in header " + header + " (expected 'timestamp')");
      }
      int text = column(index, options, "text", TEXT);
      int topic = column(index, options, "topic", TOPIC);
      int sentiment = column(index, options, "sentiment", SENTIMENT);
      int author = column(index, options, "author", AUTHOR);
      int id = column(index, options, "id", ID);
      Map<Integer, String> where = new HashMap<>();
      for (var w : options.where().entrySet()) {
        Integer i = index.get(w.getKey().strip().toLowerCase(Locale.ROOT));
        if (i == null) {
          throw new ReplayException(file + ": no column '" + w.getKey() + "' in header " + header);
        }
        where.put(i, w.getValue());
      }
      List<Observation> rows = new ArrayList<>();
      Instant latest = Instant.MIN;
      long line = 1;
      for (CSVRecord r : parser) {
        long recordLine = line + 1;
        line = parser.getCurrentLineNumber();
        if (!matches(r, where)) {
          continue;
        }
        String raw = get(r, ts);
        if (raw.isEmpty()) {
          throw new ReplayException(file + ": line " + recordLine + ": missing timestamp");
        }
        Instant at =
            Timestamps.parse(raw)
                .orElseThrow(
                    () ->
                        new ReplayException(
                            file
                                + ": line "
                                + recordLine
                                + ": unparseable timestamp '"
                                + abbreviate(raw)
                                + "' (expected ISO-8601, 'Thu Jun 20 03:56:19 +0000 2013' or"
                                + " '2015-02-24 11:35:52 -0800')"));
        if (!options.sort() && at.isBefore(latest)) {
          if (Duration.between(at, latest).compareTo(options.tolerance()) > 0) {
            throw new ReplayException(
                file
                    + ": line "
                    + recordLine
                    + ": row out of order ("
                    + at
                    + " is before "
                    + latest
                    + " by more than "
                    + options.tolerance().toSeconds()
                    + " s); use --sort");
          }
        } else if (at.isAfter(latest)) {
          latest = at;
        }
        String postId = get(r, id);
        rows.add(
            new Observation(
                at,
                get(r, topic).replace('|', '/'),
                Sentiment.parse(get(r, sentiment)).orElse(Sentiment.UNKNOWN),
                get(r, author),
                Post.truncate(get(r, text)),
                postId.isEmpty() ? "" : "csv:" + postId));
      }
      if (options.sort()) {
        rows.sort(Comparator.comparing(Observation::at));
      }
      return rows;
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new ReplayException(file + ": malformed CSV: " + e.getMessage());
    }
  }

  /**
   * Replays the file through the detector, then moves stream time two hours past the last row so
   * that the last windows are evaluated.
   */
  public static Summary replay(Path file, Options options, Detector detector)
      throws IOException, ReplayException {
    List<Observation> rows = read(file, options);
    if (rows.isEmpty()) {
      throw new ReplayException(file + ": no rows to replay");
    }
    long late = 0;
    Instant latest = Instant.MIN;
    for (Observation o : rows) {
      if (o.at().isBefore(latest)) {
        late++;
      } else {
        latest = o.at();
      }
      detector.observe(o);
    }
    detector.advanceTo(latest.plus(Duration.ofHours(2)));
    return new Summary(rows.size(), late, rows.get(0).at(), latest);
  }

  static Reader open(Path file) throws IOException, ReplayException {
    if (!Files.isRegularFile(file)) {
      throw new ReplayException(file + ": no such file");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStreamReader(in, decoder);
  }

  private static int column(
      Map<String, Integer> index, Options options, String role, List<String> names)
      throws ReplayException {
    String explicit = options.columns().get(role);
    if (explicit != null) {
      Integer i = index.get(explicit.strip().toLowerCase(Locale.ROOT));
      if (i == null) {
        throw new ReplayException("no " + role + " column '" + explicit + "' in header");
      }
      return i;
    }
    for (String n : names) {
      Integer i = index.get(n);
      if (i != null) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(CSVRecord r, Map<Integer, String> where) {
    for (var w : where.entrySet()) {
      if (!get(r, w.getKey()).equals(w.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static String get(CSVRecord r, int i) {
    return i < 0 || i >= r.size() ? "" : r.get(i);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
