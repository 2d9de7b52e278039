package dev.outpost.app.cli;

import dev.outpost.enrich.intent.IntentClassifier;
import dev.outpost.enrich.intent.IntentEvaluation;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import dev.outpost.enrich.sentiment.SentimentTrainer;
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
      "against airline_sentiment, complaint reason against negativereason.",
      "'sentiment' reads a TweetEval sentiment directory (val_text.txt, val_labels.txt) and",
      "prints macro-averaged recall."
    })
public final class EvaluateCommand implements Callable<Integer> {
  /** What to evaluate. */
  enum Task {
    intent,
    sentiment
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "what to evaluate: intent or sentiment")
  Task task;

  @Option(
      names = "--data",
      required = true,
      description = "intent: Tweets.csv[.gz]; sentiment: the tweeteval_sentiment directory")
  Path data;

  @Option(names = "--model", description = "a sentiment model file (default: the shipped one)")
  Path model;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(data)) {
      throw new UserError("--data: no such file or directory: " + data, 2);
    }
    SentimentClassifier sentiment =
        model == null ? SentimentClassifier.loadDefault() : SentimentClassifier.load(model);
    if (task == Task.sentiment) {
      if (!Files.isRegularFile(data.resolve("val_text.txt"))) {
        throw new UserError("--data: no val_text.txt in " + data, 2);
      }
      spec.commandLine()
          .getOut()
          .println(SentimentTrainer.evaluateTweetEval(sentiment, data).summary());
      spec.commandLine().getOut().flush();
      return 0;
    }
    new IntentEvaluation(sentiment, new IntentClassifier()).run(data, spec.commandLine().getOut());
    return 0;
  }
}
