package dev.outpost.connectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Contexts with short waits, shared fixtures and recorded payloads. */
public final class TestSupport {
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  /**
   * One client for all tests, warmed up once: under coverage instrumentation a cold JVM needs
   * seconds for its first exchange, which would otherwise count as a timeout.
   */
  private static final HttpClient CLIENT = warmClient();

  private TestSupport() {}

  /**
   * Not a lambda: a lambda here would wait on this class's initialisation from the server thread.
   */
  private static final class WarmRoute implements FakeServer.Route {
    @Override
    public FakeServer.Reply answer(FakeServer.Request r) {
      return FakeServer.Reply.json("{\"warm\":true}");
    }
  }

  private static HttpClient warmClient() {
    HttpClient c =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (FakeServer s = new FakeServer()) {
      s.route("GET", "/", new WarmRoute());
      Http http =
          new Http(
              s.baseUrl(),
              new ConnectorContext(
                  CLOCK, RetryPolicy.DEFAULT, Duration.ofSeconds(30), d -> {}, true, c),
              new Health("warm-up", CLOCK));
      http.json(Call.get("/warm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return c;
  }

  /** A sleeper that records every wait and returns at once. */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
      waits.add(d);
    }
  }

  /** Backoff from 10 ms, 1 s request timeout, listeners that stop when caught up. */
  public static ConnectorContext context(Sleeper sleeper) {
    return new ConnectorContext(
        CLOCK,
        new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5)),
        Duration.ofMillis(1000),
        sleeper,
        true,
        CLIENT);
  }

  /** A file under {@code ../shared/data}; skips the test when the folder is absent. */
  public static Path shared(String relative) {
    String root = System.getProperty("outpost.shared.data");
    assumeTrue(root != null, "outpost.shared.data is not set; run through Maven");
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.isReadable(p), "shared data missing: " + p);
    return p;
  }

  public static String sharedText(String relative) {
    try {
      return Files.readString(shared(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A payload recorded by this project under {@code src/test/resources}. */
  public static String resource(String name) {
    try (InputStream in = TestSupport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
