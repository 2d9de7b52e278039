package dev.outpost.detect;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.detect.DetectorConfig.Incidents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Clusters complaint posts online: a post joins the cluster of any recent post whose shingle set is
 * at least {@code similarity} Jaccard-similar (candidates found by MinHash LSH), clusters that a
 * post links are merged, and a cluster becomes an incident when {@code minAuthors} distinct authors
 * wrote {@code 3}+ distinct texts in it within {@code window}. An incident closes after {@code
 * quietToClose} without new posts.
 */
final class IncidentClusterer {
  private static final int MAX_CANDIDATES = 32;
  private static final int MAX_INDEXED = 300;
  private static final int MAX_SAMPLES = 5;
  private static final int MAX_AUTHORS = 500;
  private static final int MAX_CLOSED = 50;
  private static final int MIN_DISTINCT_TEXTS = 3;

  private final Incidents cfg;
  private final long quietSeconds;
  private final long windowSeconds;
  private final AlertListener out;
  private final MinHash minHash = new MinHash();
  private final Map<Long, List<Member>> lsh = new HashMap<>();
  private final List<Cluster> live = new ArrayList<>();
  private final Map<String, Integer> df = new HashMap<>();
  private final Deque<Incident> closed = new ArrayDeque<>();
  private long docs;
  private int nextId = 1;
  private long anonymous;

  private record Member(long[] shingles, long[] keys, Cluster[] cluster) {}

  private static final class Cluster {
    final String id;
    final List<Member> members = new ArrayList<>();
    final Map<String, Instant> authors = new LinkedHashMap<>();
    final Map<String, Integer> terms = new HashMap<>();
    final Set<Integer> texts = new HashSet<>();
    final List<String> samples = new ArrayList<>();
    final TreeMap<Instant, Integer> hourly = new TreeMap<>();
    Instant first;
    Instant last;
    boolean opened;
    boolean dead;
    int size;
    int reportedSize;

    final String topic;

    Cluster(String id, Instant at, String topic) {
      this.id = id;
      this.topic = topic;
      this.first = at;
      this.last = at;
    }
  }

  IncidentClusterer(Incidents cfg, AlertListener out) {
    this.cfg = cfg;
    this.out = out;
    this.quietSeconds = cfg.quietToClose().toSeconds();
    this.windowSeconds = cfg.window().toSeconds();
  }

  void add(Observation o, Instant now) {
    List<String> words = Shingles.words(o.text());
    if (words.size() < 2) {
      return;
    }
    long[] shingles = Shingles.of(words);
    docs++;
    for (String w : new HashSet<>(words)) {
      df.merge(w, 1, Integer::sum);
    }
    long[] keys = minHash.bandKeys(shingles);
    long topicSalt = Shingles.hash(o.topic());
    for (int i = 0; i < keys.length; i++) {
      keys[i] ^= topicSalt; // clusters never span topics
    }
    Set<Cluster> matched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Member> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (long k : keys) {
      List<Member> bucket = lsh.getOrDefault(k, List.of());
      for (int j = bucket.size() - 1; j >= 0 && seen.size() < MAX_CANDIDATES; j--) {
        Member m = bucket.get(j);
        Cluster c = m.cluster()[0];
        if (c.dead || matched.contains(c) || !seen.add(m)) {
          continue;
        }
        if (Shingles.jaccard(shingles, m.shingles()) >= cfg.similarity()
            && Shingles.common(shingles, m.shingles()) >= 2) {
          matched.add(c);
        }
      }
    }
    Cluster target = matched.isEmpty() ? newCluster(now, o.topic()) : pickTarget(matched);
    for (Cluster other : matched) {
      if (other != target) {
        merge(other, target, now);
      }
    }
    Member member = new Member(shingles, keys, new Cluster[] {target});
    if (target.members.size() < MAX_INDEXED) {
      // a large cluster is represented by its first members; later ones still join through them
      target.members.add(member);
      for (long k : keys) {
        lsh.computeIfAbsent(k, x -> new ArrayList<>()).add(member);
      }
    }
    String author = o.author().isEmpty() ? "anonymous-" + anonymous++ : o.author();
    join(target, author, words, o.text(), now);
    check(target, now);
  }

  private Cluster newCluster(Instant now, String topic) {
    // Ids carry the stream time of the first post, so that they stay unique across restarts and a
    // replay of the same stream finds the same ids.
    Cluster c = new Cluster("incident-" + now.getEpochSecond() + "-" + nextId++, now, topic);
    live.add(c);
    return c;
  }

  private static Cluster pickTarget(Set<Cluster> matched) {
    return matched.stream()
        .max(
            Comparator.comparing((Cluster c) -> c.opened)
                .thenComparing(c -> c.size)
                .thenComparing(c -> c.first, Comparator.reverseOrder()))
        .orElseThrow();
  }

  private void join(Cluster c, String author, List<String> words, String text, Instant now) {
    c.size++;
    c.last = now;
    if (c.authors.size() < MAX_AUTHORS || c.authors.containsKey(author)) {
      c.authors.put(author, now);
    }
    for (String w : new HashSet<>(words)) {
      c.terms.merge(w, 1, Integer::sum);
    }
    c.texts.add(String.join(" ", words).hashCode());
    if (c.samples.size() < MAX_SAMPLES) {
      c.samples.add(text.length() > 280 ? text.substring(0, 280) : text);
    }
    c.hourly.merge(now.truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
  }

  private void merge(Cluster from, Cluster into, Instant now) {
    for (Member m : from.members) {
      m.cluster()[0] = into;
      into.members.add(m);
    }
    into.size += from.size;
    from.authors.forEach((a, t) -> into.authors.merge(a, t, (x, y) -> x.isAfter(y) ? x : y));
    from.terms.forEach((t, n) -> into.terms.merge(t, n, Integer::sum));
    into.texts.addAll(from.texts);
    for (String s : from.samples) {
      if (into.samples.size() < MAX_SAMPLES) {
        into.samples.add(s);
      }
    }
    from.hourly.forEach((h, n) -> into.hourly.merge(h, n, Integer::sum));
    if (from.first.isBefore(into.first)) {
      into.first = from.first;
    }
    from.dead = true;
    live.remove(from);
    if (from.opened) {
      emit(from, Alert.Phase.CLOSED, now, Map.of("merged_into", into.id));
    }
  }

  private void check(Cluster c, Instant now) {
    Instant since = now.minus(cfg.window());
    long recentAuthors = c.authors.values().stream().filter(t -> !t.isBefore(since)).count();
    if (!c.opened && recentAuthors >= cfg.minAuthors() && c.texts.size() >= MIN_DISTINCT_TEXTS) {
      c.opened = true;
      c.reportedSize = c.size;
      emit(c, Alert.Phase.OPENED, now, Map.of());
    } else if (c.opened && c.size >= 2 * c.reportedSize) {
      c.reportedSize = c.size;
      emit(c, Alert.Phase.UPDATED, now, Map.of());
    }
  }

  void expire(Instant now) {
    for (var it = live.iterator(); it.hasNext(); ) {
      Cluster c = it.next();
      long keep = c.opened ? quietSeconds : windowSeconds;
      if (c.last.getEpochSecond() + keep <= now.getEpochSecond()) {
        it.remove();
        c.dead = true;
        unindex(c);
        if (c.opened) {
          emit(c, Alert.Phase.CLOSED, now, Map.of());
          closed.addFirst(snapshot(c, Incident.Status.CLOSED));
          if (closed.size() > MAX_CLOSED) {
            closed.removeLast();
          }
        }
      }
    }
  }

  /** Takes the members of a dead cluster out of the LSH index. */
  private void unindex(Cluster c) {
    for (Member m : c.members) {
      for (long k : m.keys()) {
        List<Member> list = lsh.get(k);
        if (list != null) {
          list.removeIf(x -> x == m);
          if (list.isEmpty()) {
            lsh.remove(k);
          }
        }
      }
    }
  }

  List<Incident> snapshot() {
    List<Incident> result = new ArrayList<>();
    live.stream()
        .filter(c -> c.opened)
        .sorted(Comparator.comparing((Cluster c) -> c.first).reversed())
        .forEach(c -> result.add(snapshot(c, Incident.Status.OPEN)));
    result.addAll(closed);
    return result;
  }

  private List<String> topTerms(Cluster c) {
    double n = docs + 1.0;
    return c.terms.entrySet().stream()
        .filter(e -> e.getValue() >= 2 || c.size < 2)
        .sorted(
            Comparator.comparingDouble(
                    (Map.Entry<String, Integer> e) ->
                        -e.getValue() * Math.log(n / (1.0 + df.getOrDefault(e.getKey(), 0))))
                .thenComparing(Map.Entry::getKey))
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();
  }

  private Incident snapshot(Cluster c, Incident.Status status) {
    List<String> terms = topTerms(c);
    List<Incident.TimelinePoint> timeline = new ArrayList<>();
    c.hourly.forEach((h, n) -> timeline.add(new Incident.TimelinePoint(h, n)));
    return new Incident(
        c.id,
        terms.isEmpty() ? c.id : String.join(" / ", terms),
        terms,
        c.first,
        c.last,
        c.size,
        c.authors.keySet(),
        c.samples,
        timeline,
        status);
  }

  private void emit(Cluster c, Alert.Phase phase, Instant now, Map<String, String> extra) {
    Incident i =
        snapshot(c, phase == Alert.Phase.CLOSED ? Incident.Status.CLOSED : Incident.Status.OPEN);
    Map<String, String> details = new LinkedHashMap<>(extra);
    details.put("name", i.name());
    details.put("topic", c.topic);
    details.put("posts", Integer.toString(i.size()));
    details.put("authors", Integer.toString(i.authors().size()));
    details.put("first", i.openedAt().toString());
    details.put(
        "samples", String.join(" || ", i.samples().subList(0, Math.min(3, i.samples().size()))));
    var severity =
        phase == Alert.Phase.CLOSED
            ? Alert.Severity.INFO
            : i.authors().size() >= 4L * cfg.minAuthors()
                ? Alert.Severity.CRITICAL
                : Alert.Severity.WARNING;
    out.alert(
        new Alert(
            "incident:" + c.id,
            Alert.Kind.INCIDENT,
            phase,
            severity,
            c.id,
            now,
            i.authors().size(),
            cfg.minAuthors(),
            "incident on "
                + c.topic
                + " '"
                + i.name()
                + "': "
                + i.size()
                + " posts from "
                + i.authors().size()
                + " authors since "
                + i.openedAt(),
            "/api/v1/incidents/" + c.id,
            details));
  }
}
