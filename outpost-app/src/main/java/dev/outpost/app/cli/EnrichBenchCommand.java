package dev.outpost.app.cli;

import dev.outpost.enrich.Enricher;
import dev.outpost.enrich.language.LanguageIdentifier;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outpost bench-enrich}: single-thread throughput of sentiment, intents and language id,
 * beside a naive baseline (regex split + hash-map word lookup) measured in the same run.
 */
@Command(
    name = "bench-enrich",
    mixinStandardHelpOptions = true,
    description = {
      "Measures enrichment throughput on one thread (posts/s) over the texts of a file,",
      "with a naive regex + hash-map sentiment baseline in the same run (7 alternating rounds,",
      "median and best round); prints JSON."
    })
public final class EnrichBenchCommand implements Callable<Integer> {
  private static final int ROUNDS = 7;

  private static final Pattern SPLIT = Pattern.compile("\\W+");

  @Spec CommandSpec spec;

  @Option(
      names = "--texts",
      required = true,
      description = "one post text per line, e.g. ../shared/data/tweeteval_sentiment/val_text.txt")
  Path texts;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      description = "per measurement; default ${DEFAULT-VALUE}")
  double seconds;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(texts)) {
      throw new UserError("--texts: no such file: " + texts, 2);
    }
    if (!(seconds > 0 && seconds <= 600)) {
      throw new UserError("--seconds must be in (0, 600], was " + seconds, 2);
    }
    List<String> lines = Files.readAllLines(texts, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new UserError("--texts: the file is empty: " + texts, 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    SentimentClassifier sentiment = SentimentClassifier.loadDefault();
    Enricher enricher = Enricher.loadDefault();
    LanguageIdentifier language = LanguageIdentifier.withDefaults();
    Map<String, Double> naive = naiveLexicon();
    // Sentiment and baseline alternate in short rounds so that both see the same machine load.
    ToIntFunction<String> base = t -> naive(naive, t);
    ToIntFunction<String> model = t -> sentiment.classify(t).confidence() > 0.5 ? 1 : 0;
    measure(lines, base, 1);
    measure(lines, model, 1);
    double[] baseRounds = new double[ROUNDS];
    double[] sentRounds = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      baseRounds[r] = measure(lines, base, seconds / ROUNDS);
      sentRounds[r] = measure(lines, model, seconds / ROUNDS);
    }
    Arrays.sort(baseRounds);
    Arrays.sort(sentRounds);
    double baseline = baseRounds[ROUNDS / 2];
    double sent = sentRounds[ROUNDS / 2];
    measure(lines, t -> enricher.intents(t).size(), 1);
    double intents = measure(lines, t -> enricher.intents(t).size(), seconds);
    lines.forEach(language::identify); // loads Lingua's models before timing
    double lang = measure(lines, t -> language.identify(t).length(), seconds);
    LanguageIdentifier fast =
        new LanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES, 10, 0.5, true);
    lines.forEach(fast::identify);
    double langFast = measure(lines, t -> fast.identify(t).length(), seconds);
    out.printf(
        Locale.ROOT,
        "{\"texts\":%d,\"threads\":1,\"rounds\":%d,\"sentiment_posts_per_s\":%.0f,"
            + "\"sentiment_best_round\":%.0f,\"baseline_regex_hashmap_posts_per_s\":%.0f,"
            + "\"baseline_best_round\":%.0f,\"intents_incl_sentiment_posts_per_s\":%.0f,"
            + "\"language_lingua_posts_per_s\":%.0f,\"language_lingua_low_accuracy_posts_per_s\":%.0f,"
            + "\"java\":\"%s\",\"cores\":%d}%n",
        lines.size(),
        ROUNDS,
        sent,
        sentRounds[ROUNDS - 1],
        baseline,
        baseRounds[ROUNDS - 1],
        intents,
        lang,
        langFast,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    out.flush();
    return 0;
  }

  private double measure(List<String> lines, ToIntFunction<String> work, double seconds) {
    long sink = 0;
    int k = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long n = 0;
    long now = start;
    while (now < end) {
      for (int j = 0; j < 256; j++) {
        sink += work.applyAsInt(lines.get(k++ % lines.size()));
      }
      n += 256;
      now = System.nanoTime();
    }
    if (sink == Long.MIN_VALUE) {
      spec.commandLine().getErr().println("unlikely");
    }
    return n / ((now - start) / 1e9);
  }

  private static int naive(Map<String, Double> lexicon, String text) {
    double score = 0;
    for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT), -1)) {
      score += lexicon.getOrDefault(w, 0.0);
    }
    return score > 0.5 ? 2 : score < -0.5 ? 0 : 1;
  }

  private static Map<String, Double> naiveLexicon() {
    Map<String, Double> m = new HashMap<>();
    for (String w :
        "good great love happy best awesome thanks nice excellent amazing".split(" ", -1)) {
      m.put(w, 1.0);
    }
    for (String w : "bad worst hate sad awful terrible never not angry poor".split(" ", -1)) {
      m.put(w, -1.0);
    }
    return m;
  }
}
