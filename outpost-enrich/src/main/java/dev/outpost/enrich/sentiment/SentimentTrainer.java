package dev.outpost.enrich.sentiment;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Trains the sentiment model reproducibly: reads the SemEval files (first line per tweet id wins),
 * drops every tweet that also appears in the TweetEval validation set (TweetEval's validation
 * tweets were drawn from these same files), holds out a seeded random split, picks the
 * regularisation constant on that held-out split only, and reports macro-averaged recall on the
 * held-out split and on TweetEval validation for the model exactly as written.
 */
public final class SentimentTrainer {

  /**
   * How to train.
   *
   * @param data the SemEval task 4A directory ({@code *.tsv}, {@code *.tsv.gz})
   * @param validation the TweetEval sentiment directory, used for reporting only
   * @param lexicon the VADER lexicon directory, used at training time only
   * @param out where the model is written
   * @param seed the seed of the split and of the solver
   * @param heldOut the fraction of training data held out for model selection
   * @param costs the regularisation constants tried
   * @param minDf features seen in fewer training texts are dropped
   * @param corrections agents' corrections (CSV, see {@link CorrectionsFile}) to fold in
   * @param correctionsWeight how many times each correction counts in training (1 or more)
   * @param correctionsHeldOut the fraction of corrections kept out of training to measure the
   *     adapted model against the shipped one (0 to train on all of them)
   */
  public record Options(
      Path data,
      Optional<Path> validation,
      Optional<Path> lexicon,
      Path out,
      long seed,
      double heldOut,
      List<Double> costs,
      int minDf,
      Optional<Path> corrections,
      int correctionsWeight,
      double correctionsHeldOut) {
    /** Options without corrections: the shipped model. */
    public Options(
        Path data,
        Optional<Path> validation,
        Optional<Path> lexicon,
        Path out,
        long seed,
        double heldOut,
        List<Double> costs,
        int minDf) {
      this(data, validation, lexicon, out, seed, heldOut, costs, minDf, Optional.empty(), 1, 0);
    }

    public Options {
      if (correctionsWeight < 1 || correctionsWeight > 1000) {
        throw new IllegalArgumentException(
            "--corrections-weight must be between 1 and 1000, was " + correctionsWeight);
      }
      if (!(correctionsHeldOut >= 0 && correctionsHeldOut < 1)) {
        throw new IllegalArgumentException(
            "--corrections-held-out must be in [0, 1), was " + correctionsHeldOut);
      }
      corrections = corrections == null ? Optional.empty() : corrections;
      if (!(heldOut > 0 && heldOut < 0.5)) {
        throw new IllegalArgumentException("held-out fraction must be in (0, 0.5), was " + heldOut);
      }
      if (costs.isEmpty() || costs.stream().anyMatch(c -> !(c > 0))) {
        throw new IllegalArgumentException("costs must be positive, were " + costs);
      }
      costs = List.copyOf(costs);
      if (minDf < 1) {
        throw new IllegalArgumentException("min-df must be >= 1, was " + minDf);
      }
    }
  }

  /** What a training run measured; the figures describe the model as written. */
  public record Report(
      int lines,
      int duplicateIds,
      int validationOverlap,
      int trainSize,
      int heldOutSize,
      double cost,
      Evaluation heldOut,
      Optional<Evaluation> validation,
      int nonZeroFeatures,
      long modelBytes,
      Optional<Adaptation> adaptation) {}

  /**
   * How folding in corrections changed the model, on corrections it was not trained on.
   *
   * @param used corrections added to the training data (each counted {@code weight} times)
   * @param base the shipped model on the held-out corrections
   * @param adapted the written model on the held-out corrections (absent when none held out)
   */
  public record Adaptation(
      int used, int weight, Optional<Evaluation> base, Optional<Evaluation> adapted) {}

  private final PrintWriter log;

  public SentimentTrainer(PrintWriter log) {
    this.log = log;
  }

  public Report train(Options o) throws IOException {
    long start = System.nanoTime();
    Corpus.Loaded loaded = Corpus.semEval(o.data());
    log.printf(
        Locale.ROOT,
        "read %d lines: %d tweets, %d duplicate ids skipped, %d malformed%n",
        loaded.lines(),
        loaded.examples().size(),
        loaded.duplicateIds(),
        loaded.malformed());
    List<Corpus.Example> validation = List.of();
    List<Corpus.Example> examples = new ArrayList<>(loaded.examples());
    int overlap = 0;
    if (o.validation().isPresent()) {
      validation = Corpus.tweetEvalValidation(o.validation().get());
      Set<String> keys = new HashSet<>();
      for (Corpus.Example e : validation) {
        keys.add(Corpus.overlapKey(e.text()));
      }
      int before = examples.size();
      examples.removeIf(e -> keys.contains(Corpus.overlapKey(e.text())));
      overlap = before - examples.size();
      log.printf(
          Locale.ROOT,
          "dropped %d training tweets that are also in TweetEval validation (%d tweets)%n",
          overlap,
          validation.size());
    }
    Collections.shuffle(examples, new Random(o.seed()));
    int held = (int) Math.round(examples.size() * o.heldOut());
    List<Corpus.Example> heldOut = List.copyOf(examples.subList(0, held));
    List<Corpus.Example> train = List.copyOf(examples.subList(held, examples.size()));
    log.printf(Locale.ROOT, "train %d, held out %d (seed %d)%n", train.size(), held, o.seed());
    List<Corpus.Example> correctionsHeldOut = List.of();
    int correctionsUsed = 0;
    if (o.corrections().isPresent()) {
      CorrectionsFile.Read read = CorrectionsFile.read(o.corrections().get());
      // The same text twice (a retweet, a post corrected twice) would leak from training into
      // the held-out corrections: keep the first of each text.
      Set<String> seen = new HashSet<>();
      List<Corpus.Example> corrections = new ArrayList<>();
      for (Corpus.Example e : read.examples()) {
        if (seen.add(Corpus.overlapKey(e.text()))) {
          corrections.add(e);
        }
      }
      int repeated = read.examples().size() - corrections.size();
      Collections.shuffle(corrections, new Random(o.seed()));
      int keep = (int) Math.round(corrections.size() * o.correctionsHeldOut());
      correctionsHeldOut = List.copyOf(corrections.subList(0, keep));
      List<Corpus.Example> adapted = new ArrayList<>(train);
      for (Corpus.Example e : corrections.subList(keep, corrections.size())) {
        for (int k = 0; k < o.correctionsWeight(); k++) {
          adapted.add(e);
        }
      }
      correctionsUsed = corrections.size() - keep;
      train = List.copyOf(adapted);
      log.printf(
          Locale.ROOT,
          "corrections: %d rows, %d without a sentiment and %d repeated texts skipped;"
              + " %d folded in x%d, %d held out%n",
          read.rows(),
          read.skipped(),
          repeated,
          correctionsUsed,
          o.correctionsWeight(),
          keep);
    }

    Lexicon lexicon = o.lexicon().isPresent() ? Lexicon.vader(o.lexicon().get()) : Lexicon.empty();
    log.printf(Locale.ROOT, "lexicon entries (training-time features): %d%n", lexicon.entries());
    Problem problem = problem(train, lexicon, o.minDf());

    LinearModel best = null;
    Evaluation bestEval = null;
    double bestCost = 0;
    for (double cost : o.costs()) {
      LinearModel model = fit(problem, train, cost, o.seed(), lexicon);
      Evaluation e = Evaluation.of("held-out C=" + cost, new SentimentClassifier(model), heldOut);
      log.println(e.summary());
      if (bestEval == null || e.macroRecall() > bestEval.macroRecall()) {
        best = model;
        bestEval = e;
        bestCost = cost;
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    best.write(bytes);
    Path parent = o.out().toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(o.out(), bytes.toByteArray());
    SentimentClassifier shipped =
        new SentimentClassifier(LinearModel.read(new ByteArrayInputStream(bytes.toByteArray())));
    Evaluation heldOutEval = Evaluation.of("held-out split (as written)", shipped, heldOut);
    Optional<Evaluation> valEval =
        validation.isEmpty()
            ? Optional.empty()
            : Optional.of(Evaluation.of("TweetEval validation", shipped, validation));
    log.printf(Locale.ROOT, "chosen C=%s on the held-out split%n", bestCost);
    log.println(heldOutEval.summary());
    valEval.ifPresent(e -> log.println(e.summary()));
    Optional<Adaptation> adaptation = Optional.empty();
    if (o.corrections().isPresent()) {
      Optional<Evaluation> base = Optional.empty();
      Optional<Evaluation> adapted = Optional.empty();
      if (!correctionsHeldOut.isEmpty()) {
        base =
            Optional.of(
                Evaluation.of(
                    "corrections, shipped model",
                    SentimentClassifier.loadDefault(),
                    correctionsHeldOut));
        adapted =
            Optional.of(Evaluation.of("corrections, this model", shipped, correctionsHeldOut));
        log.println(base.get().summary());
        log.println(adapted.get().summary());
      }
      adaptation =
          Optional.of(new Adaptation(correctionsUsed, o.correctionsWeight(), base, adapted));
    }
    log.printf(
        Locale.ROOT,
        "wrote %s: %d bytes, %d non-zero features, %.1f s%n",
        o.out(),
        bytes.size(),
        best.nonZero(),
        (System.nanoTime() - start) / 1e9);
    log.flush();
    return new Report(
        loaded.lines(),
        loaded.duplicateIds(),
        overlap,
        train.size(),
        held,
        bestCost,
        heldOutEval,
        valEval,
        best.nonZero(),
        bytes.size(),
        adaptation);
  }

  /** Macro-averaged recall and accuracy of a classifier on TweetEval's validation set. */
  public static Evaluation evaluateTweetEval(SentimentClassifier classifier, Path dir)
      throws IOException {
    return Evaluation.of("TweetEval validation", classifier, Corpus.tweetEvalValidation(dir));
  }

  private static Problem problem(List<Corpus.Example> train, Lexicon lexicon, int minDf) {
    int[] df = new int[Featurizer.HASHED];
    Features f = new Features();
    for (Corpus.Example e : train) {
      Featurizer.extract(e.text(), f);
      int[] all = Arrays.copyOf(f.words, f.wordCount + f.charCount);
      System.arraycopy(f.chars, 0, all, f.wordCount, f.charCount);
      Arrays.sort(all);
      for (int k = 0; k < all.length; k++) {
        if (k == 0 || all[k] != all[k - 1]) {
          df[all[k]]++;
        }
      }
    }
    int lexBase = LinearModel.FEATURES;
    int biasIndex = lexBase + Lexicon.FEATURES + 1; // 1-based
    Problem p = new Problem();
    p.l = train.size();
    p.n = biasIndex;
    p.bias = 1;
    p.x = new Feature[train.size()][];
    p.y = new double[train.size()];
    List<Feature> row = new ArrayList<>();
    double[] lex = new double[Lexicon.FEATURES];
    for (int i = 0; i < train.size(); i++) {
      Corpus.Example e = train.get(i);
      Featurizer.extract(e.text(), f);
      row.clear();
      addCounts(row, Arrays.copyOf(f.words, f.wordCount), f.wordScale(), df, minDf);
      addCounts(row, Arrays.copyOf(f.chars, f.charCount), f.charScale(), df, minDf);
      for (int d = 0; d < Features.DENSE; d++) {
        if (f.dense[d] != 0) {
          row.add(new FeatureNode(Featurizer.HASHED + d + 1, f.dense[d]));
        }
      }
      Arrays.fill(lex, 0);
      lexicon.features(f, lex);
      for (int k = 0; k < Lexicon.FEATURES; k++) {
        if (lex[k] != 0) {
          row.add(new FeatureNode(lexBase + k + 1, lex[k]));
        }
      }
      row.add(new FeatureNode(biasIndex, 1));
      p.x[i] = row.toArray(new Feature[0]);
      p.y[i] = e.label();
    }
    return p;
  }

  private static void addCounts(
      List<Feature> row, int[] buckets, float scale, int[] df, int minDf) {
    Arrays.sort(buckets);
    int k = 0;
    while (k < buckets.length) {
      int b = buckets[k];
      int count = 0;
      while (k < buckets.length && buckets[k] == b) {
        count++;
        k++;
      }
      if (df[b] >= minDf) {
        row.add(new FeatureNode(b + 1, count * scale));
      }
    }
  }

  private LinearModel fit(
      Problem problem, List<Corpus.Example> train, double cost, long seed, Lexicon lexicon) {
    int[] counts = new int[LinearModel.CLASSES];
    for (Corpus.Example e : train) {
      counts[e.label()]++;
    }
    double[] classWeights = new double[LinearModel.CLASSES];
    int[] labels = {0, 1, 2};
    for (int c = 0; c < LinearModel.CLASSES; c++) {
      classWeights[c] = (double) train.size() / (LinearModel.CLASSES * counts[c]);
    }
    Parameter param = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.01);
    param.setWeights(classWeights, labels);
    param.setRandom(new Random(seed));
    Linear.disableDebugOutput();
    Model m = Linear.train(problem, param);
    int nrClass = m.getNrClass();
    int[] order = m.getLabels();
    double[] w = m.getFeatureWeights();
    int nrFeature = m.getNrFeature();
    float[] weights = new float[LinearModel.FEATURES * LinearModel.CLASSES];
    double[] lexWeights = new double[Lexicon.FEATURES * LinearModel.CLASSES];
    float[] bias = new float[LinearModel.CLASSES];
    for (int k = 0; k < nrClass; k++) {
      int c = order[k];
      for (int j = 0; j < LinearModel.FEATURES; j++) {
        weights[j * LinearModel.CLASSES + c] = (float) w[j * nrClass + k];
      }
      for (int j = 0; j < Lexicon.FEATURES; j++) {
        lexWeights[j * LinearModel.CLASSES + c] = w[(LinearModel.FEATURES + j) * nrClass + k];
      }
      bias[c] = (float) w[nrFeature * nrClass + k];
    }
    lexicon.bake(lexWeights, weights, LinearModel.CLASSES);
    log.printf(
        Locale.ROOT,
        "C=%s lexicon weights (neg/neu/pos per feature) %s%n",
        cost,
        Arrays.toString(lexWeights));
    return new LinearModel(weights, bias);
  }
}
