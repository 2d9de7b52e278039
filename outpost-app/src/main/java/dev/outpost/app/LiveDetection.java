package dev.outpost.app;

import dev.outpost.core.Alert;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.detect.Detector;
import dev.outpost.detect.DetectorConfig;
import dev.outpost.detect.Observation;
import dev.outpost.detect.Sentiment;
import dev.outpost.detect.notify.AlertInbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * @param clock the wall clock, for when alerts are acknowledged or snoozed; the detectors run on
   *     the posts' own time
   */
  LiveDetection(Clock clock) {
    this.inbox = new AlertInbox(clock, 1_000);
    this.detector = new Detector(DetectorConfig.defaults(), streamClock, this::alert);
  }

  private void alert(Alert alert) {
    inbox.send(alert);
    if (alert.phase() == Alert.Phase.OPENED) {
      LOG.info("alert {} {}: {}", alert.kind().id(), alert.subject(), alert.summary());
    }
  }

  @Override
  public void stored(List<Mention> mentions) {
    for (Mention m : mentions) {
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
    m.put("activeAlerts", inbox.active().size());
    m.put("openIncidents", detector.incidents().size());
    m.put("streamTime", detector.streamTime().toString());
    return m;
  }
}
