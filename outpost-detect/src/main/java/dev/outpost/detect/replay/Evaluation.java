package dev.outpost.detect.replay;

import dev.outpost.core.Alert;
import dev.outpost.detect.Detector;
import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Replays real event timelines (CrisisLexT26, the airline complaints) through the volume spike
 * detector and measures, per event, the delay from the objective burst start ({@link BurstStart})
 * to the first alert and the false alarms before it.
 *
 * <p>An alert opened up to {@link #EARLY} before the burst start counts as an early detection
 * (negative delay): the burst start is defined on minute buckets and a stream often rises a little
 * before it. Alerts opened earlier than that are false alarms.
 */
public final class Evaluation {
  /** How far before the burst start an alert still counts as detecting it. */
  public static final Duration EARLY = Duration.ofMinutes(30);

  /** The target delay. */
  public static final Duration TARGET = Duration.ofMinutes(15);

  private Evaluation() {}

  /**
   * When the detector starts watching a stream: the start of the hour before its first post's hour.
   * A listening tool watches a topic before its first matching post, so the empty hour is known,
   * not unknown; one full hour is the least history that takes the detector past its warm-up and
   * cold start (ADR 0051).
   */
  static Instant watchFrom(Instant firstPost) {
    long hour = Math.floorDiv(firstPost.getEpochSecond(), 3600) - 1;
    return Instant.ofEpochSecond(hour * 3600);
  }

  /** One event's figures; the optionals are empty where there is no burst or no alert. */
  public record EventResult(
      String event,
      long posts,
      Optional<Instant> burstStart,
      Optional<Instant> firstAlert,
      int falseAlarms,
      int alerts,
      String note) {

    public Optional<Duration> delay() {
      return burstStart.flatMap(b -> firstAlert.map(a -> Duration.between(b, a)));
    }

    public boolean withinTarget() {
      return delay().map(d -> d.compareTo(TARGET) <= 0).orElse(false) && falseAlarms <= 1;
    }
  }

  /** One stream to evaluate: a file and the rows of it to keep. */
  public record Event(String name, Path file, Map<String, String> where) {}

  /** The CrisisLexT26 events under {@code dir} (one per sub-folder, sorted by name). */
  public static List<Event> crisisLex(Path dir) throws IOException {
    List<Event> events = new ArrayList<>();
    try (Stream<Path> subdirs = Files.list(dir)) {
      for (Path d : subdirs.filter(Files::isDirectory).sorted().toList()) {
        Path file;
        try (Stream<Path> files = Files.list(d)) {
          file =
              files
                  .filter(f -> f.getFileName().toString().contains("tweetids_entire_period.csv"))
                  .findFirst()
                  .orElse(d.resolve("(missing)-tweetids_entire_period.csv"));
        }
        events.add(new Event(d.getFileName().toString(), file, Map.of()));
      }
    }
    return events;
  }

  /** The American Airlines streams of the airline file: all tweets, and the cancellations. */
  public static List<Event> airline(Path tweetsCsv) {
    return List.of(
        new Event("2015_American_Airlines (all tweets)", tweetsCsv, Map.of("airline", "American")),
        new Event(
            "2015_American_Airlines (Cancelled Flight)",
            tweetsCsv,
            Map.of("airline", "American", "negativereason", "Cancelled Flight")));
  }

  /** Evaluates one event; an unreadable file gives a row with a note rather than an exception. */
  public static EventResult evaluate(Event event, DetectorConfig config) {
    List<Observation> rows;
    try {
      rows =
          CsvReplay.read(
              event.file(), new CsvReplay.Options(Duration.ZERO, true, event.where(), Map.of()));
    } catch (IOException | ReplayException e) {
      return new EventResult(
          event.name(),
          0,
          Optional.empty(),
          Optional.empty(),
          0,
          0,
          "not evaluated: " + e.getMessage());
    }
    List<Instant> times = rows.stream().map(Observation::at).toList();
    Optional<Instant> burst = BurstStart.of(times);
    List<Alert> opened = new ArrayList<>();
    if (!times.isEmpty()) {
      Instant watchFrom = watchFrom(times.get(0));
      Detector d =
          new Detector(
              config,
              Clock.fixed(watchFrom, ZoneOffset.UTC),
              a -> {
                if (a.kind() == Alert.Kind.VOLUME_SPIKE
                    && a.phase() == Alert.Phase.OPENED
                    && a.subject().equals(Observation.ALL)) {
                  opened.add(a);
                }
              });
      d.advanceTo(watchFrom);
      for (Instant t : times) {
        d.observe(Observation.at(t));
      }
      d.advanceTo(times.get(times.size() - 1).plus(Duration.ofHours(1)));
    }
    if (burst.isEmpty()) {
      return new EventResult(
          event.name(), rows.size(), burst, Optional.empty(), 0, opened.size(), "no burst found");
    }
    Instant earliest = burst.get().minus(EARLY);
    int falseAlarms = (int) opened.stream().filter(a -> a.at().isBefore(earliest)).count();
    Optional<Instant> first =
        opened.stream().map(Alert::at).filter(t -> !t.isBefore(earliest)).findFirst();
    return new EventResult(
        event.name(),
        rows.size(),
        burst,
        first,
        falseAlarms,
        opened.size(),
        first.isEmpty() ? "missed" : "");
  }

  /** A Markdown table of the results and a summary line. */
  public static String markdown(List<EventResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| event | posts | burst start (UTC) | first alert | delay (min) | false alarms before |"
            + " alerts in all | within target |\n");
    sb.append("|---|---:|---|---|---:|---:|---:|---|\n");
    for (EventResult r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %d | %d | %s |%n",
              r.event(),
              r.posts(),
              r.burstStart().map(Instant::toString).orElse("-"),
              r.firstAlert().map(Instant::toString).orElse("-"),
              r.delay()
                  .map(d -> String.format(Locale.ROOT, "%.1f", d.toSeconds() / 60.0))
                  .orElse("-"),
              r.falseAlarms(),
              r.alerts(),
              r.withinTarget() ? "yes" : (r.note().isEmpty() ? "no" : "no (" + r.note() + ")")));
    }
    sb.append('\n').append(summary(results)).append('\n');
    return sb.toString();
  }

  /** One line: events with a burst, detected, within target, median delay, false alarms. */
  public static String summary(List<EventResult> results) {
    List<EventResult> withBurst = results.stream().filter(r -> r.burstStart().isPresent()).toList();
    long detected = withBurst.stream().filter(r -> r.firstAlert().isPresent()).count();
    long within = withBurst.stream().filter(EventResult::withinTarget).count();
    double[] delays =
        withBurst.stream()
            .flatMap(r -> r.delay().stream())
            .mapToDouble(d -> d.toSeconds() / 60.0)
            .sorted()
            .toArray();
    double median =
        delays.length == 0
            ? Double.NaN
            : delays.length % 2 == 1
                ? delays[delays.length / 2]
                : (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2;
    int falseAlarms = withBurst.stream().mapToInt(EventResult::falseAlarms).sum();
    long overOne = withBurst.stream().filter(r -> r.falseAlarms() > 1).count();
    return String.format(
        Locale.ROOT,
        "events with a burst: %d; detected: %d; within target (<= 15 min, <= 1 false alarm): %d;"
            + " median delay: %.1f min; false alarms before detection: %d in all, %d events with"
            + " more than one",
        withBurst.size(),
        detected,
        within,
        median,
        falseAlarms,
        overOne);
  }
}
