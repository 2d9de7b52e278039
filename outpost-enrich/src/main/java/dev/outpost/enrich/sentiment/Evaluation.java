package dev.outpost.enrich.sentiment;

import java.util.List;
import java.util.Locale;

/**
 * Macro-averaged recall (the official SemEval 2017 task 4A / TweetEval metric), accuracy and the
 * confusion matrix of a classifier on labelled texts. Immutable.
 */
public final class Evaluation {
  private final String name;

  /** {@code confusion[gold][predicted]}. */
  private final int[][] confusion;

  Evaluation(String name, int[][] confusion) {
    this.name = name;
    this.confusion = new int[3][];
    for (int k = 0; k < 3; k++) {
      this.confusion[k] = confusion[k].clone();
    }
  }

  public String name() {
    return name;
  }

  /**
   * How many texts of class {@code gold} were predicted as {@code predicted} (0 neg, 1 neu, 2 pos).
   */
  public int count(int gold, int predicted) {
    return confusion[gold][predicted];
  }

  static Evaluation of(String name, SentimentClassifier classifier, List<Corpus.Example> data) {
    int[][] m = new int[3][3];
    double[] scratch = new double[3];
    for (Corpus.Example e : data) {
      m[e.label()][classifier.predict(e.text(), scratch)]++;
    }
    return new Evaluation(name, m);
  }

  public int size() {
    int n = 0;
    for (int[] row : confusion) {
      for (int v : row) {
        n += v;
      }
    }
    return n;
  }

  public double recall(int label) {
    int total = 0;
    for (int v : confusion[label]) {
      total += v;
    }
    return total == 0 ? 0 : (double) confusion[label][label] / total;
  }

  public double macroRecall() {
    return (recall(0) + recall(1) + recall(2)) / 3;
  }

  public double accuracy() {
    int n = size();
    return n == 0 ? 0 : (double) (confusion[0][0] + confusion[1][1] + confusion[2][2]) / n;
  }

  /** One line: name, size, macro recall, accuracy and per-class recall. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%-28s n=%5d  macro-recall=%.4f  accuracy=%.4f  recall neg/neu/pos=%.3f/%.3f/%.3f",
        name,
        size(),
        macroRecall(),
        accuracy(),
        recall(0),
        recall(1),
        recall(2));
  }
}
