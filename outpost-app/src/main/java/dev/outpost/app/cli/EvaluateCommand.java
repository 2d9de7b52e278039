package dev.outpost.app.cli;

import dev.outpost.enrich.intent.IntentClassifier;
import dev.outpost.enrich.intent.IntentEvaluation;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code outpost evaluate intent}: precision and recall of the intent rules on airline data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a classifier on labelled data and prints the figures.",
      "'intent' reads the Twitter US Airline Sentiment CSV (plain or .gz): complaint and praise",
      "against airline_sentiment, complaint reason against negativereason."
    })
public final class EvaluateCommand implements Callable<Integer> {
  /** What to evaluate. */
  enum Task {
    intent
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "what to evaluate: intent")
  Task task;

  @Option(names = "--data", required = true, description = "Tweets.csv or Tweets.csv.gz")
  Path data;

  @Option(names = "--model", description = "a sentiment model file (default: the shipped one)")
  Path model;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new UserError("--data: no such file: " + data, 2);
    }
    SentimentClassifier sentiment =
        model == null ? SentimentClassifier.loadDefault() : SentimentClassifier.load(model);
    new IntentEvaluation(sentiment, new IntentClassifier()).run(data, spec.commandLine().getOut());
    return 0;
  }
}
