package dev.outpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads the SemEval 2017 task 4A training files and the TweetEval sentiment validation set. */
final class Corpus {
  /** One labelled text; label 0 negative, 1 neutral, 2 positive. */
  record Example(String id, int label, String text) {}

  /** What {@link #semEval} read. */
  record Loaded(List<Example> examples, int lines, int duplicateIds, int malformed) {}

  private Corpus() {}

  /**
   * Reads every {@code *.tsv} and {@code *.tsv.gz} file of a SemEval directory, in name order,
   * keeping the first line of each tweet id.
   */
  static Loaded semEval(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().matches(".*\\.tsv(\\.gz)?")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no *.tsv or *.tsv.gz files in " + dir);
    }
    List<Example> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int lines = 0;
    int duplicates = 0;
    int malformed = 0;
    for (Path file : files) {
      try (BufferedReader r = reader(file)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines++;
          String[] cols = line.split("\t", 3);
          int label = cols.length == 3 ? label(cols[1]) : -1;
          if (label < 0) {
            malformed++;
            continue;
          }
          if (!ids.add(cols[0].strip())) {
            duplicates++;
            continue;
          }
          out.add(new Example(cols[0].strip(), label, unescape(cols[2].strip())));
        }
      }
    }
    return new Loaded(List.copyOf(out), lines, duplicates, malformed);
  }

  /** Reads TweetEval's {@code val_text.txt} and {@code val_labels.txt}. */
  static List<Example> tweetEvalValidation(Path dir) throws IOException {
    List<String> texts = Files.readAllLines(dir.resolve("val_text.txt"), StandardCharsets.UTF_8);
    List<String> labels = Files.readAllLines(dir.resolve("val_labels.txt"), StandardCharsets.UTF_8);
    if (texts.size() != labels.size()) {
      throw new IOException(
          "TweetEval validation: " + texts.size() + " texts but " + labels.size() + " labels");
    }
    List<Example> out = new ArrayList<>(texts.size());
    for (int k = 0; k < texts.size(); k++) {
      int label = Integer.parseInt(labels.get(k).strip());
      out.add(new Example("val-" + k, label, unescape(texts.get(k).strip())));
    }
    return List.copyOf(out);
  }

  /**
   * A key that survives the differences between the two copies of the same tweet (TweetEval
   * replaces mentions with {@code @user} and drops links): letters and digits only, lower case.
   */
  static String overlapKey(String text) {
    String t = text.replaceAll("@\\w+", "@user").replaceAll("http\\S+", "");
    StringBuilder b = new StringBuilder(t.length());
    t.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static int label(String s) {
    return switch (s.strip()) {
      case "negative" -> 0;
      case "neutral" -> 1;
      case "positive" -> 2;
      default -> -1;
    };
  }

  /** Undoes the {@code \u2019}, {@code \"} and {@code \\} escapes of the downloaded tweets. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u' && isHex(s, i + 2, 4)) {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\'
          && i + 1 < s.length()
          && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
        b.append(s.charAt(i + 1));
        i++;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isHex(String s, int from, int len) {
    if (from + len > s.length()) {
      return false;
    }
    for (int k = from; k < from + len; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }
}
