package dev.outpost.detect;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.Post;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds volume spikes, negativity spikes, viral posts and incidents in a stream of posts, on stream
 * time: observations move stream time forward, and {@link #tick()} moves it to the injected clock's
 * time (live use calls it every bucket). Replays and live use therefore behave the same. Alerts go
 * to the listener on the calling thread, in stream-time order. Thread-safe (all methods are
 * synchronized).
 *
 * <p>Observations whose time is before the current stream time (late arrivals) are counted in the
 * current bucket; callers that must reject disorder do so before (see {@code CsvReplay}).
 */
public final class Detector {
  private final DetectorConfig config;
  private final Clock clock;
  private final AlertListener listener;
  private final long bucketSeconds;
  private final int bucketsPerHour;
  private final Baseline baseline;
  private final int windowBuckets;
  private final int negWindowBuckets;
  private final SpikeThreads volume;
  private final SpikeThreads negativity;
  private final IncidentClusterer incidents;
  private final ViralDetector viral;
  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Set<String> topics = new LinkedHashSet<>();
  private long bucket = Long.MIN_VALUE;
  private long historyStartHour;
  private long startBucket;
  private Instant streamTime = Instant.EPOCH;

  public Detector(DetectorConfig config, Clock clock, AlertListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    var spikes = config.spikes();
    this.bucketSeconds = spikes.bucket().toSeconds();
    this.bucketsPerHour = (int) (3600 / bucketSeconds);
    this.baseline = Baseline.of(spikes, bucketsPerHour);
    this.windowBuckets = (int) (spikes.window().toSeconds() / bucketSeconds);
    this.negWindowBuckets =
        (int) Math.max(1, config.negativity().window().toSeconds() / bucketSeconds);
    int quietSteps = (int) Math.max(1, spikes.quietToClose().toSeconds() / bucketSeconds);
    this.volume =
        new SpikeThreads(Alert.Kind.VOLUME_SPIKE, spikes.persistence(), quietSteps, listener);
    this.negativity =
        new SpikeThreads(Alert.Kind.NEGATIVITY_SPIKE, spikes.persistence(), quietSteps, listener);
    this.incidents = new IncidentClusterer(config.incidents(), listener);
    this.viral = new ViralDetector(config.viral(), listener);
  }

  /** Counts one post at its stream time (moving stream time forward to it first). */
  public synchronized void observe(Observation o) {
    advanceTo(o.at());
    String topic = o.topic();
    topics.add(topic);
    count(topic);
    if (o.sentiment() != Sentiment.UNKNOWN) {
      count(topic + "|" + o.sentiment().id());
    }
    if (o.sentiment() != Sentiment.POSITIVE && !o.text().isBlank()) {
      incidents.add(o, streamTime);
    }
  }

  /**
   * Records a snapshot of a post's engagement counters at the current clock time, for the viral
   * post detector; call it each time the post is seen again.
   */
  public synchronized void observeMetrics(Post post, Sentiment sentiment) {
    Instant now = clock.instant();
    advanceTo(now);
    viral.observe(post, sentiment, now.isAfter(streamTime) ? now : streamTime);
  }

  /** Moves stream time to the injected clock's time, closing the buckets passed. */
  public synchronized void tick() {
    advanceTo(clock.instant());
  }

  /** Moves stream time forward to {@code t}, evaluating every bucket that ends on the way. */
  public synchronized void advanceTo(Instant t) {
    long target = Math.floorDiv(t.getEpochSecond(), bucketSeconds);
    if (bucket == Long.MIN_VALUE) {
      bucket = target;
      startBucket = target;
      historyStartHour = Math.floorDiv(target, bucketsPerHour);
    }
    while (bucket < target) {
      bucket++;
      evaluate(bucket);
    }
    if (t.isAfter(streamTime)) {
      streamTime = t;
    }
  }

  /** The current stream time. */
  public synchronized Instant streamTime() {
    return streamTime;
  }

  /** The incidents open now and those closed recently, newest first. */
  public synchronized List<Incident> incidents() {
    return incidents.snapshot();
  }

  private void count(String key) {
    series.computeIfAbsent(key, k -> new Series(bucketsPerHour)).add(bucket, 1);
  }

  /** Evaluates the windows that end (exclusive) at bucket {@code end}. */
  private void evaluate(long end) {
    Instant at = Instant.ofEpochSecond(end * bucketSeconds);
    for (var e : series.entrySet()) {
      judgeVolume(e.getKey(), e.getValue(), end, at);
    }
    for (String topic : topics) {
      judgeNegativity(topic, end, at);
    }
    incidents.expire(at);
    viral.expire(at);
  }

  private void judgeVolume(String key, Series s, long end, Instant at) {
    long observed = s.window(end, windowBuckets);
    if (observed < config.spikes().minCount() && !volume.isTracked(key)) {
      return; // cannot alert, and no streak or thread to end: same as a normal step
    }
    var v = baseline.judge(s, end, observed, startBucket);
    int minCount = config.spikes().minCount();
    boolean warmingUp = (end - windowBuckets - startBucket) * 2 < bucketsPerHour;
    // the count gate opens a streak; the steps that follow need only stay anomalous
    boolean counted = observed >= minCount || volume.hasStreak(key);
    boolean anomalous = !warmingUp && counted && v.anomalous();
    var severity =
        observed >= 10 * v.expected() && observed >= 5L * minCount
            ? Alert.Severity.CRITICAL
            : Alert.Severity.WARNING;
    Duration window = config.spikes().window();
    Supplier<String> summary =
        () ->
            String.format(
                Locale.ROOT,
                "volume spike on %s: %d posts in %d min, expected %.1f",
                key,
                observed,
                window.toMinutes(),
                v.expected());
    volume.step(
        new SpikeThreads.Step(
            key,
            anomalous,
            observed,
            v.expected(),
            at,
            severity,
            summary,
            evidence(key, at.minus(window), at),
            () ->
                Map.of(
                    "p_value", String.format(Locale.ROOT, "%.3g", v.pValue()),
                    "window", window.toString(),
                    "baseline", config.spikes().baseline().name().toLowerCase(Locale.ROOT))));
  }

  private void judgeNegativity(String topic, long end, Instant at) {
    Series all = series.get(topic);
    Series neg = series.get(topic + "|negative");
    if (all == null || neg == null) {
      return;
    }
    long n = all.window(end, negWindowBuckets);
    long k = neg.window(end, negWindowBuckets);
    if (n < config.negativity().minCount() && !negativity.isTracked(topic)) {
      return;
    }
    long hour = Math.floorDiv(end - negWindowBuckets, bucketsPerHour);
    long tot = 0;
    long negs = 0;
    for (long h = Math.max(hour - 24, historyStartHour); h < hour; h++) {
      tot += all.hour(h);
      negs += neg.hour(h);
    }
    double p0 = (negs + 1.0) / (tot + 3.0);
    double share = n == 0 ? 0 : k / (double) n;
    var cfg = config.negativity();
    double p = Stats.binomialUpperTail(k, n, p0);
    boolean anomalous = n >= cfg.minCount() && share >= p0 + cfg.minDelta() && p <= cfg.alpha();
    var severity = share >= 0.8 ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
    Duration window = cfg.window();
    Supplier<String> summary =
        () ->
            String.format(
                Locale.ROOT,
                "negativity spike on %s: %.0f%% negative of %d posts in %d min, expected %.0f%%",
                topic,
                100 * share,
                n,
                window.toMinutes(),
                100 * p0);
    negativity.step(
        new SpikeThreads.Step(
            topic,
            anomalous,
            share,
            p0,
            at,
            severity,
            summary,
            evidence(topic + "|negative", at.minus(window), at),
            () ->
                Map.of(
                    "p_value", String.format(Locale.ROOT, "%.3g", p),
                    "posts", Long.toString(n),
                    "negative", Long.toString(k))));
  }

  static String evidence(String key, Instant from, Instant to) {
    int bar = key.indexOf('|');
    String topic = bar < 0 ? key : key.substring(0, bar);
    String q = "/api/v1/mentions?topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    if (bar >= 0) {
      q += "&sentiment=" + URLEncoder.encode(key.substring(bar + 1), StandardCharsets.UTF_8);
    }
    return q + "&from=" + from + "&to=" + to;
  }
}
