package dev.outpost.connectors;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every connection shares: the clock, the retry policy, timeouts and the HTTP client.
 *
 * @param clock the time source
 * @param retry how calls are retried
 * @param requestTimeout how long one HTTP request may take
 * @param sleeper how waits are made
 * @param stopWhenCaughtUp when true, a listener returns once it has nothing new (tests, one-shot
 *     imports) instead of waiting for more
 * @param http the shared HTTP client
 */
public record ConnectorContext(
    Clock clock,
    RetryPolicy retry,
    Duration requestTimeout,
    Sleeper sleeper,
    boolean stopWhenCaughtUp,
    HttpClient http) {

  public ConnectorContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(http, "http");
  }

  /** Production defaults: real sleeps, 30 s requests, listeners that run until stopped. */
  public static ConnectorContext defaults(Clock clock) {
    return new ConnectorContext(
        clock,
        RetryPolicy.DEFAULT,
        Duration.ofSeconds(30),
        Sleeper.REAL,
        false,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());
  }
}
