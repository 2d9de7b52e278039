package dev.outpost.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Alert;
import dev.outpost.detect.Detector;
import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.replay.CsvReplay;
import dev.outpost.detect.replay.ReplayException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost detect --input FILE.csv}: replays a stream and prints one JSON line per alert. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    subcommands = {DetectEvalCommand.class},
    description = {
      "Replays a timestamped stream from a CSV file (plain or .gz) through the detectors and"
          + " prints one JSON line per alert (at, kind, phase, subject, observed, expected, ...).",
      "The header must have a 'timestamp' column (ISO-8601, 'Thu Jun 20 03:56:19 +0000 2013'"
          + " or '2015-02-24 11:35:52 -0800'); optional: text, topic, sentiment, author, id."
    })
public final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "FILE", description = "CSV file (required)")
  Path input;

  @Option(
      names = "--bucket",
      defaultValue = "1m",
      converter = Durations.class,
      description = "evaluation step, dividing one hour (default ${DEFAULT-VALUE})")
  Duration bucket;

  @Option(
      names = "--window",
      defaultValue = "10m",
      converter = Durations.class,
      description = "recent window compared with the baseline (default ${DEFAULT-VALUE})")
  Duration window;

  @Option(
      names = "--min-count",
      defaultValue = "10",
      description = "fewest posts in the window that can alert (default ${DEFAULT-VALUE})")
  int minCount;

  @Option(
      names = "--baseline",
      defaultValue = "SEASONAL_POISSON",
      description = "SEASONAL_POISSON, PREV_12H or MEAN_KSIGMA_7D (default ${DEFAULT-VALUE})")
  DetectorConfig.Baseline baseline;

  @Option(names = "--sort", description = "sort the rows by time instead of rejecting disorder")
  boolean sort;

  @Option(
      names = "--tolerance",
      defaultValue = "5m",
      converter = Durations.class,
      description = "how far a row may go back in time (default ${DEFAULT-VALUE})")
  Duration tolerance;

  @Option(
      names = "--where",
      paramLabel = "COLUMN=VALUE",
      description = "keep only rows where the column equals the value (repeatable)")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(
      names = "--column",
      paramLabel = "ROLE=NAME",
      description = "use column NAME for ROLE (timestamp, text, topic, sentiment, author, id)")
  Map<String, String> columns = new LinkedHashMap<>();

  @Option(names = "--opened-only", description = "print only the opening alert of each thread")
  boolean openedOnly;

  @Override
  public Integer call() {
    if (input == null) {
      throw new UserError("missing --input FILE.csv (see outpost detect --help)", 2);
    }
    DetectorConfig config;
    try {
      var spikes = DetectorConfig.Spikes.defaults().withBaseline(baseline).withMinCount(minCount);
      spikes =
          new DetectorConfig.Spikes(
              bucket,
              window,
              spikes.minCount(),
              spikes.minRatio(),
              spikes.alpha(),
              spikes.persistence(),
              spikes.floorPerHour(),
              spikes.quietToClose(),
              spikes.baseline(),
              spikes.sigmaK());
      config = DetectorConfig.defaults().withSpikes(spikes);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper json = new ObjectMapper();
    Detector detector =
        new Detector(
            config,
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
            alert -> {
              if (!openedOnly || alert.phase() == Alert.Phase.OPENED) {
                out.println(toJson(json, alert));
              }
            });
    try {
      CsvReplay.replay(input, new CsvReplay.Options(tolerance, sort, where, columns), detector);
    } catch (ReplayException e) {
      throw new UserError(e.getMessage(), 2);
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(input + ": cannot read: " + e.getMessage(), 1);
    } finally {
      out.flush();
    }
    return 0;
  }

  static String toJson(ObjectMapper json, Alert a) {
    ObjectNode n = json.createObjectNode();
    n.put("at", a.at().toString());
    n.put("kind", a.kind().id());
    n.put("phase", a.phase().id());
    n.put("severity", a.severity().id());
    n.put("subject", a.subject());
    n.put("observed", round(a.observed()));
    n.put("expected", round(a.expected()));
    n.put("summary", a.summary());
    n.put("thread", a.threadId());
    n.put("evidence", a.evidence());
    ObjectNode d = n.putObject("details");
    new TreeMap<>(a.details()).forEach(d::put);
    try {
      return json.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }
}
