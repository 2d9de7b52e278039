package dev.outpost.enrich.intent;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.enrich.sentiment.SentimentModel;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Measures intent and complaint-reason rules on the Twitter US Airline Sentiment data: complaint
 * against {@code airline_sentiment = negative}, praise against {@code positive}, and the complaint
 * reason against {@code negativereason} (negative tweets whose reason is known). The other intents
 * have no ground truth there; only how often they fire is printed.
 */
public final class IntentEvaluation {
  private final SentimentModel sentiment;
  private final IntentClassifier intents;

  public IntentEvaluation(SentimentModel sentiment, IntentClassifier intents) {
    this.sentiment = sentiment;
    this.intents = intents;
  }

  /** Precision, recall and F1 of one label. */
  public record Score(String label, int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int d = truePositives + falsePositives;
      return d == 0 ? 0 : (double) truePositives / d;
    }

    public double recall() {
      int d = truePositives + falseNegatives;
      return d == 0 ? 0 : (double) truePositives / d;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%-30s precision=%.3f recall=%.3f f1=%.3f (support %d)",
          label,
          precision(),
          recall(),
          f1(),
          truePositives + falseNegatives);
    }
  }

  /** Reads the CSV (plain or gzipped), prints the figures and returns the intent scores. */
  public Map<String, Score> run(Path csv, PrintWriter out) throws IOException {
    int[] complaint = new int[3];
    int[] praise = new int[3];
    Map<String, int[]> reasons = new LinkedHashMap<>();
    Map<Intent, Integer> fired = new EnumMap<>(Intent.class);
    int[][] sentimentConfusion = new int[3][3];
    int rows = 0;
    int reasonRows = 0;
    int reasonCorrect = 0;
    try (InputStream raw = Files.newInputStream(csv);
        InputStream in = csv.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(r)) {
        if (!row.isConsistent()) {
          continue;
        }
        rows++;
        String text = row.get("text");
        String gold = row.get("airline_sentiment");
        SentimentScore s = sentiment.classify(text);
        Set<Intent> got = intents.classify(text, s);
        for (Intent i : got) {
          fired.merge(i, 1, Integer::sum);
        }
        count(complaint, gold.equals("negative"), got.contains(Intent.COMPLAINT));
        count(praise, gold.equals("positive"), got.contains(Intent.PRAISE));
        int g =
            switch (gold) {
              case "negative" -> 0;
              case "neutral" -> 1;
              default -> 2;
            };
        int guessed =
            switch (s.label()) {
              case NEGATIVE -> 0;
              case NEUTRAL -> 1;
              case POSITIVE -> 2;
            };
        sentimentConfusion[g][guessed]++;
        String reason = row.get("negativereason");
        if (gold.equals("negative") && !reason.isBlank() && !reason.equals("Can't Tell")) {
          reasonRows++;
          Optional<String> predicted = intents.complaintReason(text);
          reasons.computeIfAbsent(reason, k -> new int[3])[0]++;
          if (predicted.isPresent()) {
            int[] p = reasons.computeIfAbsent(predicted.get(), k -> new int[3]);
            if (predicted.get().equals(reason)) {
              p[1]++;
              reasonCorrect++;
            } else {
              p[2]++;
            }
          }
        }
      }
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("complaint", score("complaint (gold: negative)", complaint));
    scores.put("praise", score("praise (gold: positive)", praise));
    out.printf(Locale.ROOT, "airline tweets: %d rows%n", rows);
    scores.values().forEach(s -> out.println(s.line()));
    out.printf(
        Locale.ROOT,
        "complaint reason on %d negative tweets with a known reason: accuracy %.3f%n",
        reasonRows,
        reasonRows == 0 ? 0 : (double) reasonCorrect / reasonRows);
    for (Map.Entry<String, int[]> e : reasons.entrySet()) {
      int[] v = e.getValue();
      Score s = new Score("  reason " + e.getKey(), v[1], v[2], v[0] - v[1]);
      scores.put("reason " + e.getKey(), s);
      out.println(s.line());
    }
    out.println("labels without ground truth in this data (how often they fire):");
    for (Intent i : Intent.values()) {
      out.printf(Locale.ROOT, "  %-9s %5d%n", i.label(), fired.getOrDefault(i, 0));
    }
    double macro = 0;
    for (int k = 0; k < 3; k++) {
      int total = sentimentConfusion[k][0] + sentimentConfusion[k][1] + sentimentConfusion[k][2];
      macro += total == 0 ? 0 : (double) sentimentConfusion[k][k] / total / 3;
    }
    out.printf(
        Locale.ROOT,
        "sentiment model on the airline tweets (out of domain): macro-recall=%.4f (neg/neu/pos gold %d/%d/%d)%n",
        macro,
        sum(sentimentConfusion[0]),
        sum(sentimentConfusion[1]),
        sum(sentimentConfusion[2]));
    out.flush();
    return scores;
  }

  private static int sum(int[] v) {
    return v[0] + v[1] + v[2];
  }

  private static void count(int[] c, boolean gold, boolean predicted) {
    if (gold && predicted) {
      c[0]++;
    } else if (predicted) {
      c[1]++;
    } else if (gold) {
      c[2]++;
    }
  }

  private static Score score(String label, int[] c) {
    return new Score(label, c[0], c[1], c[2]);
  }
}
