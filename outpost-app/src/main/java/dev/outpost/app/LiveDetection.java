package dev.outpost.app;

import dev.outpost.core.Alert;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Incident;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.detect.AlertListener;
import dev.outpost.detect.Detector;
import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.Observation;
import dev.outpost.detect.Sentiment;
import dev.outpost.detect.notify.AlertInbox;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detectors on every stored mention, on the posts' own time (so a replayed stream alerts
 * as it would have live), and keeps the alerts in the in-app inbox.
 */
final class LiveDetection implements MentionListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
  private final Detector detector;
  private final AlertInbox inbox;
  private final StreamClock streamClock = new StreamClock();
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private volatile LongSupplier activeCount;

  /**
   * @param clock the wall clock, for when alerts are acknowledged or snoozed; the detectors run on
   *     the posts' own time
   */
  LiveDetection(Clock clock) {
    this.inbox = new AlertInbox(clock, 1_000);
    this.detector = new Detector(DetectorConfig.defaults(), streamClock, this::alert);
  }

  private final List<Consumer<Alert>> sinks = new CopyOnWriteArrayList<>();

  /** Sends every alert to {@code sink} as well (cluster mode: the alerts topic). */
  void alsoSendTo(Consumer<Alert> sink) {
    sinks.add(sink);
  }

  private void alert(Alert alert) {
    inbox.send(alert);
    for (Consumer<Alert> sink : sinks) {
      try {
        sink.accept(alert);
      } catch (RuntimeException e) {
        LOG.warn("sending alert {} on failed: {}", alert.threadId(), e.toString());
      }
    }
    for (AlertListener l : listeners) {
      try {
        l.alert(alert);
      } catch (RuntimeException e) {
        LOG.warn("alert listener failed on {}: {}", alert.threadId(), e.toString());
      }
    }
    if (alert.phase() == Alert.Phase.OPENED) {
      LOG.info("alert {} {}: {}", alert.kind().id(), alert.subject(), alert.summary());
    }
  }

  @Override
  public void stored(List<Mention> mentions) {
    // A stored batch comes back in no particular time order, and a replayed batch may span hours:
    // observed unsorted, the stream clock would jump to the batch's end and every earlier post
    // would be counted in that last minute (hundreds of false spikes over the airline replay).
    List<Mention> inTime =
        mentions.stream()
            .sorted(Comparator.comparing((Mention m) -> m.post().createdAt()))
            .toList();
    for (Mention m : inTime) {
      streamClock.advance(m.post().createdAt());
      Sentiment sentiment =
          m.enrichment()
              .map(Enrichment::sentiment)
              .map(LiveDetection::of)
              .orElse(Sentiment.UNKNOWN);
      detector.observe(
          new Observation(
              m.post().createdAt(),
              m.topicId(),
              sentiment,
              m.post().author().handle(),
              m.post().text(),
              m.post().key()));
      detector.observeMetrics(m.post(), sentiment);
    }
  }

  private static Sentiment of(Enrichment.Sentiment s) {
    return switch (s) {
      case NEGATIVE -> Sentiment.NEGATIVE;
      case NEUTRAL -> Sentiment.NEUTRAL;
      case POSITIVE -> Sentiment.POSITIVE;
    };
  }

  /**
   * Adds a listener told of every alert message (the alerts feature keeps and delivers them).
   *
   * @param activeCount how many threads need attention, for {@code /health}; empty keeps the
   *     in-memory count
   */
  void addListener(AlertListener listener, Optional<LongSupplier> activeCount) {
    listeners.add(listener);
    activeCount.ifPresent(c -> this.activeCount = c);
  }

  /** The detector's latest snapshot of an incident. */
  Optional<Incident> incident(String id) {
    return detector.incidents().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The open alert threads, newest first. */
  List<AlertInbox.Entry> activeAlerts() {
    return inbox.active();
  }

  /** The incidents detection tracks now (open and recently closed). */
  List<dev.outpost.core.Incident> incidents() {
    return detector.incidents();
  }

  /** Figures for /health. */
  Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    LongSupplier count = activeCount;
    Object active;
    try {
      active = count == null ? inbox.active().size() : count.getAsLong();
    } catch (RuntimeException e) {
      // the count comes from the database: while it is down, /health still answers (503)
      active = "unknown";
    }
    m.put("activeAlerts", active);
    m.put("openIncidents", detector.incidents().size());
    m.put("streamTime", detector.streamTime().toString());
    return m;
  }
}
