package dev.outpost.app.cli;

import dev.outpost.app.Outpost;
import dev.outpost.app.bench.WorkDirs;
import dev.outpost.app.config.BroadcastConfig;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresBroadcasts;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outpost bench status}: requests per second of the public status page against {@code
 * /health/live} (the cheapest route, the server's own ceiling) in the same run, on loopback, with
 * the page holding real incidents with updates.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Outpost (embedded PostgreSQL) with 3 published incidents and 6 past ones, then loads"
          + " /health/live, /status, /status.json and /status/feed.atom in turn with --clients"
          + " concurrent keep-alive clients for --seconds each, in --rounds interleaved rounds after a"
          + " 3 s warm-up of each.",
      "Prints one JSON line per route and round, and a summary (medians) last."
    })
public final class BenchStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "Seconds per route (default 10).")
  int seconds;

  @Option(
      names = "--clients",
      defaultValue = "32",
      description = "Concurrent clients (default 32).")
  int clients;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Rounds over all routes (default 3).")
  int rounds;

  @Option(names = "--data-dir", description = "Database directory (default: a temporary one).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || rounds < 1 || clients < 1 || clients > 1_000) {
      throw new UserError("--seconds >= 1, --rounds >= 1 and --clients between 1 and 1000", 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> given = Optional.ofNullable(dataDir);
    Path dir = WorkDirs.create(given);
    try {
      seed(dir, Clock.systemUTC());
      OutpostConfig config =
          new OutpostConfig(
              new OutpostConfig.Server("127.0.0.1", 0),
              new OutpostConfig.Database(null, null, null, dir.toString()),
              List.of(),
              List.of(),
              null,
              null,
              new BroadcastConfig(
                  "Bench",
                  null,
                  List.of("checkout", "website", "api", "app"),
                  null,
                  null,
                  null,
                  null),
              null,
              null,
              null,
              null);
      Map<String, Object> summary = new LinkedHashMap<>();
      try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> paths =
            List.of("/health/live", "/status", "/status.json", "/status/feed.atom");
        for (String path : paths) {
          load(http, uri(outpost, path), Duration.ofSeconds(3)); // warm-up: JIT, connections
        }
        // rounds interleave the routes so that a noisy neighbour or late JIT hits all alike
        Map<String, List<Long>> rates = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
          for (String path : paths) {
            Map<String, Object> r = load(http, uri(outpost, path), Duration.ofSeconds(seconds));
            r.put("route", path);
            r.put("round", round);
            BenchCommand.print(out, r);
            rates
                .computeIfAbsent(path, k -> new ArrayList<>())
                .add((Long) r.get("requestsPerSecond"));
          }
        }
        rates.forEach((path, list) -> summary.put(path, median(list)));
      }
      double health = ((Number) summary.get("/health/live")).doubleValue();
      double status = ((Number) summary.get("/status")).doubleValue();
      Map<String, Object> last = new LinkedHashMap<>();
      last.put("clients", clients);
      last.put("secondsPerRoute", seconds);
      last.put("rounds", rounds);
      last.put("statistic", "median of rounds");
      last.put("healthLiveRps", Math.round(health));
      last.put("statusRps", Math.round(status));
      last.put("statusJsonRps", summary.get("/status.json"));
      last.put("atomRps", summary.get("/status/feed.atom"));
      last.put("statusVsHealthLive", Math.round(status / health * 1000) / 1000.0);
      last.put("cores", Runtime.getRuntime().availableProcessors());
      BenchCommand.print(out, last);
      return 0;
    } finally {
      WorkDirs.cleanUp(given, dir);
    }
  }

  private static URI uri(Outpost outpost, String path) {
    return URI.create("http://127.0.0.1:" + outpost.port() + path);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Three open incidents with updates and six resolved ones, published as people would. */
  private static void seed(Path dir, Clock clock) {
    try (Database db = Database.embedded(dir)) {
      PostgresBroadcasts store = new PostgresBroadcasts(db.dataSource());
      Instant t = clock.instant().minus(Duration.ofDays(7));
      String[] components = {"checkout", "website", "api", "app"};
      for (int i = 0; i < 9; i++) {
        t = t.plus(Duration.ofHours(12));
        Broadcast b =
            store.create(
                "Incident " + (i + 1) + ": errors on " + components[i % 4],
                Impact.values()[i % 4],
                List.of(components[i % 4]),
                Optional.empty(),
                "We are investigating errors & slow responses for some customers. ".repeat(3),
                "ana",
                t);
        store.approve(b.id(), 1, "ben", t);
        store.markPublished(b.id(), 1, t);
        for (int u = 0; u < 3; u++) {
          Broadcast.Kind kind =
              i >= 3 && u == 2 ? Broadcast.Kind.RESOLUTION : Broadcast.Kind.UPDATE;
          Broadcast.Message m =
              store.addMessage(
                  b.id(), kind, "Update " + (u + 1) + ": the fix is rolling out.", "ana", t);
          store.approve(b.id(), m.seq(), "ben", t);
          store.markPublished(b.id(), m.seq(), t.plus(Duration.ofMinutes(20L * (u + 1))));
        }
      }
    }
  }

  private Map<String, Object> load(HttpClient http, URI uri, Duration length)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    long end = System.nanoTime() + length.toNanos();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      try {
                        HttpResponse<byte[]> r =
                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                          ok.incrementAndGet();
                          bytes.addAndGet(r.body().length);
                        } else {
                          failed.incrementAndGet();
                        }
                      } catch (java.io.IOException e) {
                        failed.incrementAndGet();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("requests", ok.get());
    r.put("failed", failed.get());
    r.put("requestsPerSecond", Math.round(ok.get() / secs));
    r.put("bytesPerResponse", ok.get() == 0 ? 0 : bytes.get() / ok.get());
    return r;
  }
}
