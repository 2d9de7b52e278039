package dev.outpost.identity.eval;

import java.util.List;
import java.util.Locale;

/**
 * Figures from one evaluation run.
 *
 * @param split dev or test
 * @param seed the look-alike generation seed
 * @param brands brand handles protected in this split
 * @param negatives real customer handles scored as negatives
 * @param positives generated look-alikes scored
 * @param truePositives look-alikes with verdict impersonation
 * @param falsePositives negatives with verdict impersonation
 * @param negativesSuspicious negatives with verdict suspicious
 * @param kinds per look-alike kind
 * @param falsePositiveExamples some negatives flagged as impersonation
 * @param missExamples some look-alikes not flagged
 */
public record EvaluationReport(
    String split,
    long seed,
    int brands,
    int negatives,
    int positives,
    int truePositives,
    int falsePositives,
    int negativesSuspicious,
    List<KindResult> kinds,
    List<String> falsePositiveExamples,
    List<String> missExamples) {
  /** Results for one kind of look-alike. */
  public record KindResult(String kind, int n, int flagged, int atLeastSuspicious) {
    public double recall() {
      return n == 0 ? 0 : (double) flagged / n;
    }
  }

  public EvaluationReport {
    kinds = List.copyOf(kinds);
    falsePositiveExamples = List.copyOf(falsePositiveExamples);
    missExamples = List.copyOf(missExamples);
  }

  public double recall() {
    return positives == 0 ? 0 : (double) truePositives / positives;
  }

  public double falsePositiveRate() {
    return negatives == 0 ? 0 : (double) falsePositives / negatives;
  }

  public double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? 0 : (double) truePositives / flagged;
  }

  /** The figures as a Markdown table, for docs/accuracy.md. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "split %s, seed %d: %d brands, %d generated look-alikes, %d real customer handles%n%n",
            split,
            seed,
            brands,
            positives,
            negatives));
    s.append("| look-alike kind | n | recall (impersonation) | flagged at least suspicious |\n");
    s.append("|---|---:|---:|---:|\n");
    for (KindResult k : kinds) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f |%n",
              k.kind(),
              k.n(),
              k.recall(),
              k.n() == 0 ? 0 : (double) k.atLeastSuspicious() / k.n()));
    }
    s.append(String.format(Locale.ROOT, "| **all** | %d | **%.3f** | |%n%n", positives, recall()));
    s.append(
        String.format(
            Locale.ROOT,
            "negatives: %d, false positives (impersonation): %d = **%.4f**, suspicious: %d = %.4f%n",
            negatives,
            falsePositives,
            falsePositiveRate(),
            negativesSuspicious,
            negatives == 0 ? 0 : (double) negativesSuspicious / negatives));
    s.append(String.format(Locale.ROOT, "precision at this mix: **%.3f**%n", precision()));
    if (!falsePositiveExamples.isEmpty()) {
      s.append("\nfalse positives:\n");
      falsePositiveExamples.forEach(e -> s.append("- ").append(e).append('\n'));
    }
    if (!missExamples.isEmpty()) {
      s.append("\nmisses:\n");
      missExamples.forEach(e -> s.append("- ").append(e).append('\n'));
    }
    return s.toString();
  }
}
