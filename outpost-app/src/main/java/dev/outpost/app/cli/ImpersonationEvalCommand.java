package dev.outpost.app.cli;

import dev.outpost.identity.eval.Evaluation;
import dev.outpost.identity.eval.EvaluationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost impersonation-eval}: builds the evaluation set and prints the figures. */
@Command(
    name = "impersonation-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the impersonation evaluation set from real handles in the shared data (brand",
      "support accounts, generated look-alikes, real customer handles) and prints precision,",
      "recall and false-positive rate by look-alike kind."
    })
public final class ImpersonationEvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The shared data folder (default: $OUTPOST_SHARED_DATA or ../shared/data).")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "dev (for tuning) or test (for reporting); default: ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--seed",
      defaultValue = "20261123",
      description = "Seed for look-alike generation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--examples",
      defaultValue = "15",
      description = "How many false positives and misses to list (default: ${DEFAULT-VALUE}).")
  int examples;

  @Override
  public Integer call() {
    Evaluation.Split s =
        switch (split) {
          case "dev" -> Evaluation.Split.DEV;
          case "test" -> Evaluation.Split.TEST;
          default -> throw new UserError("--split must be dev or test, got '" + split + "'", 2);
        };
    Path data =
        dev.outpost.app.SharedData.find(java.util.Optional.ofNullable(this.data))
            .orElseThrow(
                () ->
                    new UserError(
                        "shared data not found ($OUTPOST_SHARED_DATA, ../shared/data); use --data DIR",
                        2));
    if (!Files.isDirectory(data.resolve("ibm_twitter_customer_care"))
        || !Files.isDirectory(data.resolve("twitter_us_airline_sentiment"))
        || !Files.isDirectory(data.resolve("twcs_sample"))) {
      throw new UserError("--data " + data + ": not the shared data folder", 2);
    }
    EvaluationReport report = Evaluation.run(data, s, seed, Math.max(0, examples));
    spec.commandLine().getOut().print(report.toMarkdown());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
