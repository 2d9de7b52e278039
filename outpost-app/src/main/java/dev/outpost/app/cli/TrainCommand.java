package dev.outpost.app.cli;

import dev.outpost.enrich.sentiment.SentimentTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code outpost train sentiment}: rebuilds the shipped sentiment model reproducibly. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a model and prints its figures. 'sentiment' trains on SemEval 2017 task 4A,",
      "picks C on a held-out split, and reports macro-averaged recall on that split and on",
      "TweetEval validation (which is removed from the training data first)."
    })
public final class TrainCommand implements Callable<Integer> {
  /** What to train. */
  enum Model {
    sentiment
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "what to train: sentiment")
  Model model;

  @Option(names = "--data", required = true, description = "SemEval task 4A directory (*.tsv[.gz])")
  Path data;

  @Option(names = "--out", required = true, description = "where to write the model (.bin.gz)")
  Path out;

  @Option(
      names = "--validation",
      description = "TweetEval sentiment directory (default: tweeteval_sentiment beside --data)")
  Path validation;

  @Option(
      names = "--lexicon",
      description =
          "VADER lexicon directory, training time only (default: lexicons/vader beside --data)")
  Path lexicon;

  @Option(names = "--seed", defaultValue = "42", description = "default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--held-out", defaultValue = "0.1", description = "default ${DEFAULT-VALUE}")
  double heldOut;

  @Option(
      names = "--costs",
      split = ",",
      defaultValue = "0.5,1,2",
      description = "regularisation constants tried; default ${DEFAULT-VALUE}")
  List<Double> costs;

  @Option(names = "--min-df", defaultValue = "2", description = "default ${DEFAULT-VALUE}")
  int minDf;

  @Option(
      names = "--corrections-from",
      description = {
        "agents' corrections to fold in: the CSV of GET /api/v1/corrections?format=csv",
        "(or any CSV with 'sentiment' or 'airline_sentiment' and 'text' columns; .gz read)"
      })
  Path corrections;

  @Option(
      names = "--corrections-weight",
      defaultValue = "1",
      description = "how many times each correction counts; default ${DEFAULT-VALUE}")
  int correctionsWeight;

  @Option(
      names = "--corrections-held-out",
      defaultValue = "0",
      description =
          "fraction of corrections kept out of training to compare the new model with the"
              + " shipped one; default ${DEFAULT-VALUE}")
  double correctionsHeldOut;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data)) {
      throw new UserError("--data: no such directory: " + data, 2);
    }
    Path parent = data.toAbsolutePath().getParent();
    Optional<Path> val = beside(validation, parent, "tweeteval_sentiment", "--validation");
    Optional<Path> lex = beside(lexicon, parent, "lexicons/vader", "--lexicon");
    SentimentTrainer.Options options;
    try {
      if (corrections != null && !Files.isRegularFile(corrections)) {
        throw new UserError("--corrections-from: no such file: " + corrections, 2);
      }
      options =
          new SentimentTrainer.Options(
              data,
              val,
              lex,
              out,
              seed,
              heldOut,
              costs,
              minDf,
              Optional.ofNullable(corrections),
              correctionsWeight,
              correctionsHeldOut);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    new SentimentTrainer(spec.commandLine().getOut()).train(options);
    return 0;
  }

  private static Optional<Path> beside(Path given, Path parent, String name, String option) {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new UserError(option + ": no such directory: " + given, 2);
      }
      return Optional.of(given);
    }
    if (parent == null) {
      return Optional.empty();
    }
    Path p = parent.resolve(name);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
