package dev.outpost.app.cli;

import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.replay.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost detect eval}: detection delay and false alarms on real event timelines. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Replays every CrisisLexT26 event timeline (and the American Airlines complaints) and prints"
          + " a Markdown table: burst start, first alert, delay, false alarms before it."
    })
public final class DetectEvalCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--crisislex",
      paramLabel = "DIR",
      description = "the CrisisLexT26 folder (one sub-folder per event)")
  Path crisisLex;

  @Option(
      names = "--airline",
      paramLabel = "FILE",
      description = "Tweets.csv(.gz) of the airline data")
  Path airline;

  @Option(names = "--baseline", description = "one baseline, or all three compared when not given")
  DetectorConfig.Baseline baseline;

  @Option(names = "--alpha", description = "Poisson tail of the seasonal baseline (default 1e-4)")
  Double alpha;

  @Override
  public Integer call() throws IOException {
    if (crisisLex == null && airline == null) {
      throw new UserError("give --crisislex DIR and/or --airline FILE", 2);
    }
    List<Evaluation.Event> events = new ArrayList<>();
    if (crisisLex != null) {
      if (!Files.isDirectory(crisisLex)) {
        throw new UserError(crisisLex + ": not a directory", 2);
      }
      events.addAll(Evaluation.crisisLex(crisisLex));
    }
    if (airline != null) {
      if (!Files.isRegularFile(airline)) {
        throw new UserError(airline + ": no such file", 2);
      }
      events.addAll(Evaluation.airline(airline));
    }
    PrintWriter out = spec.commandLine().getOut();
    List<DetectorConfig.Baseline> baselines =
        baseline == null ? List.of(DetectorConfig.Baseline.values()) : List.of(baseline);
    for (DetectorConfig.Baseline b : baselines) {
      var s = DetectorConfig.Spikes.defaults().withBaseline(b);
      if (alpha != null) {
        s =
            new DetectorConfig.Spikes(
                s.bucket(),
                s.window(),
                s.minCount(),
                s.minRatio(),
                alpha,
                s.persistence(),
                s.floorPerHour(),
                s.quietToClose(),
                s.baseline(),
                s.sigmaK());
      }
      var config = DetectorConfig.defaults().withSpikes(s);
      List<Evaluation.EventResult> results = new ArrayList<>();
      for (Evaluation.Event e : events) {
        results.add(Evaluation.evaluate(e, config));
      }
      out.println("### Baseline " + b.name().toLowerCase(java.util.Locale.ROOT));
      out.println();
      out.println(Evaluation.markdown(results));
      out.flush();
    }
    return 0;
  }
}
