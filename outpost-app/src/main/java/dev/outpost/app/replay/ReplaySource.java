package dev.outpost.app.replay;

import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a CSV file of posts in the order they were written, as a live stream with compressed
 * time: the wait between two posts is their real gap divided by {@code speed}, at most {@code
 * maxGap}. The cursor is the last post's time and id, so a restart resumes after it. Rows that
 * cannot be read are logged with their line number and skipped.
 */
public final class ReplaySource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);
  private static final Comparator<Post> ORDER =
      Comparator.comparing(Post::createdAt).thenComparing(Post::externalId);

  private final String name;
  private final Supplier<InputStream> input;
  private final ReplayFormat format;
  private final double speed;
  private final Duration maxGap;

  /**
   * @param speed how many times faster than real time; 0 replays as fast as possible
   * @param maxGap the longest wait between two posts
   */
  public ReplaySource(
      String name,
      Supplier<InputStream> input,
      ReplayFormat format,
      double speed,
      Duration maxGap) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("replay speed must be >= 0, was " + speed);
    }
    this.name = name;
    this.input = input;
    this.format = format;
    this.speed = speed;
    this.maxGap = maxGap;
  }

  /** A replay of a file; {@code .gz} files are decompressed. */
  public static ReplaySource ofFile(
      String name, Path file, ReplayFormat format, double speed, Duration maxGap) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("replay file not found or not readable: " + file);
    }
    return new ReplaySource(name, () -> open(file), format, speed, maxGap);
  }

  private static InputStream open(Path file) {
    try {
      InputStream in = Files.newInputStream(file);
      return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** All readable posts of the file, oldest first. */
  public List<Post> posts() throws IOException {
    List<Post> posts = new ArrayList<>();
    try (Reader reader = new InputStreamReader(input.get(), StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      var rows = csv.iterator();
      while (true) {
        CSVRecord row;
        try {
          if (!rows.hasNext()) {
            break;
          }
          row = rows.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
          // Commons CSV cannot resynchronise after broken quoting: the rest of the file is lost.
          throw new IOException(
              name
                  + ": malformed CSV near line "
                  + csv.getCurrentLineNumber()
                  + " ("
                  + e.getMessage()
                  + "); fix the file to replay it",
              e);
        }
        try {
          posts.add(format.post(row));
        } catch (RuntimeException e) {
          if (!ReplayFormat.isBadRow(e)) {
            throw e;
          }
          LOG.warn(
              "{}: skipping line {}: {}",
              name,
              row.getParser().getCurrentLineNumber(),
              e.getMessage());
        }
      }
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | java.io.UncheckedIOException e) {
      if (e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith(name)) {
        throw (IOException) e;
      }
      throw new IOException(name + ": cannot read the CSV header: " + e.getMessage(), e);
    }
    posts.sort(ORDER);
    return posts;
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws Exception {
    List<Post> posts = posts();
    int start = cursor.map(c -> firstAfter(posts, c)).orElse(0);
    Instant previous = null;
    for (int i = start; i < posts.size(); i++) {
      Post post = posts.get(i);
      if (previous != null && speed > 0) {
        long gapMillis = (long) (Duration.between(previous, post.createdAt()).toMillis() / speed);
        long wait = Math.min(gapMillis, maxGap.toMillis());
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
      previous = post.createdAt();
      emitter.emit(post, post.createdAt() + "|" + post.externalId());
    }
  }

  private static int firstAfter(List<Post> posts, String cursor) {
    int bar = cursor.lastIndexOf('|');
    if (bar < 0) {
      return 0;
    }
    Instant time = Instant.parse(cursor.substring(0, bar));
    String id = cursor.substring(bar + 1);
    for (int i = 0; i < posts.size(); i++) {
      Post p = posts.get(i);
      int c = p.createdAt().compareTo(time);
      if (c > 0 || (c == 0 && p.externalId().compareTo(id) > 0)) {
        return i;
      }
    }
    return posts.size();
  }
}
