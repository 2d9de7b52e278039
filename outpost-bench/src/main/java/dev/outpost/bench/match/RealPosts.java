package dev.outpost.bench.match;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real post texts from {@code shared/data}: the US airline tweets, the SemEval 2013-2016 tweets and
 * the CrisisLex T26 and T6 tweets, shuffled with a fixed seed. The datasets carry no follower
 * counts or verified flags: those are derived from the tweet id (deterministic, synthetic) so that
 * queries on them have something to match.
 */
public final class RealPosts {
  private static final Instant CREATED = Instant.parse("2015-02-24T00:00:00Z");

  private RealPosts() {}

  /**
   * The shared data folder: the {@code outpost.shared.data} property, else {@code ../shared/data}.
   */
  public static Path sharedData() {
    String prop = System.getProperty("outpost.shared.data");
    return Path.of(prop != null ? prop : "../shared/data");
  }

  /** Up to {@code limit} posts from all sources, shuffled with {@code seed}. */
  public static List<Post> load(Path data, int limit, long seed) {
    List<Post> all = new ArrayList<>();
    airline(data.resolve("twitter_us_airline_sentiment/Tweets.csv.gz"), all);
    try (Stream<Path> files = Files.list(data.resolve("semeval2017_task4a_train"))) {
      for (Path f : files.filter(p -> p.toString().contains(".tsv")).sorted().toList()) {
        semeval(f, all);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> files = Files.walk(data.resolve("crisislex/data"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith("-tweets_labeled.csv")) {
          crisis(f, "Tweet Text", all);
        } else if (name.endsWith("-ontopic_offtopic.csv.gz")) {
          crisis(f, "tweet", all);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.shuffle(all, new Random(seed));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  private static void airline(Path file, List<Post> out) {
    for (CSVRecord r : csv(file)) {
      add(out, r.get("tweet_id"), r.get("name"), r.get("text"), "en");
    }
  }

  private static void semeval(Path file, List<Post> out) {
    try (BufferedReader in = new BufferedReader(reader(file))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] cols = line.split("\t", 3);
        if (cols.length == 3) {
          add(out, cols[0], "user" + cols[0], cols[2], "en");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void crisis(Path file, String textColumn, List<Post> out) {
    for (CSVRecord r : csv(file)) {
      if (r.isConsistent() && r.isSet(textColumn)) {
        String id = r.get(0).replace("'", "").replace("\"", "").strip();
        add(out, id, "user" + id, r.get(textColumn), "und");
      }
    }
  }

  private static void add(List<Post> out, String id, String handle, String text, String lang) {
    if (id.isBlank() || text.isBlank()) {
      return;
    }
    long hash = id.hashCode() & 0x7fffffffL;
    long followers = (hash % 1000) * (hash % 7 == 0 ? 1000 : 10);
    boolean verified = hash % 97 == 0;
    String h = handle.isBlank() ? "user" + id : handle;
    Author author = new Author("x", h, h, followers, verified, Optional.empty());
    out.add(
        new Post(
            "x",
            id + "-" + out.size(),
            author,
            Post.truncate(text),
            lang,
            CREATED,
            Optional.empty(),
            Optional.empty(),
            Metrics.NONE));
  }

  private static List<CSVRecord> csv(Path file) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();
    try (Reader in = reader(file)) {
      return format.parse(in).getRecords();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
