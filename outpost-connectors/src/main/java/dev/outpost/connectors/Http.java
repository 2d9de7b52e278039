package dev.outpost.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client every connector uses: one base URL, retries with exponential backoff and jitter,
 * {@code Retry-After} and rate-limit headers honoured, errors classed and counted in {@link
 * Health}.
 */
public final class Http {
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);

  /** Turns a successful (2xx or 304) response into a value; any exception means malformed. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(Response response) throws Exception;
  }

  /** A response: status, headers and body. */
  public record Response(int status, HttpHeaders headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final String base;
  private final ConnectorContext ctx;
  private final Health health;
  private final RateLimits limits;
  private final RandomGenerator random;

  public Http(URI baseUrl, ConnectorContext ctx, Health health) {
    String b = baseUrl.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.health = Objects.requireNonNull(health, "health");
    this.limits = new RateLimits(ctx.clock());
    this.random = RandomGenerator.of("L64X128MixRandom");
  }

  public String baseUrl() {
    return base;
  }

  /** Sends a call and parses its JSON body. */
  public JsonNode json(Call call) throws InterruptedException {
    return send(call, r -> Json.MAPPER.readTree(r.body()));
  }

  /** Sends a call, retrying as the policy allows, and parses the response. */
  public <T> T send(Call call, Parser<T> parser) throws InterruptedException {
    return send(call, parser, 0);
  }

  /**
   * Like {@link #send(Call, Parser)}, but {@code alsoOk} (for example 404 for a lookup) is handed
   * to the parser instead of being an error.
   */
  public <T> T send(Call call, Parser<T> parser, int alsoOk) throws InterruptedException {
    RetryPolicy policy = ctx.retry();
    for (int attempt = 1; ; attempt++) {
      limits.waitIfExhausted(ctx.sleeper(), policy.maxRetryAfter());
      ConnectorException failure;
      try {
        Response r = once(call);
        failure = r.status() == alsoOk ? null : classify(call, r);
        if (failure == null) {
          try {
            T value = parser.parse(r);
            health.success();
            return value;
          } catch (InterruptedException e) {
            throw e;
          } catch (Exception e) {
            failure =
                ConnectorException.retriable(
                    call + ": malformed response (" + e.getClass().getSimpleName() + ")",
                    r.status(),
                    Optional.empty(),
                    null);
          }
        }
      } catch (HttpTimeoutException e) {
        failure = ConnectorException.retriable(call + ": timed out", 0, Optional.empty(), null);
      } catch (IOException e) {
        failure =
            ConnectorException.retriable(
                call + ": " + e.getClass().getSimpleName(), 0, Optional.empty(), null);
      }
      if (!failure.retriable()) {
        health.stopped(failure.getMessage());
        throw failure;
      }
      health.error(failure.getMessage());
      boolean refused = failure.status().orElse(0) == 429;
      if (attempt >= policy.maxAttempts() || !(call.idempotent() || refused)) {
        throw failure;
      }
      Duration wait = policy.backoff(attempt, random);
      Optional<Duration> asked = failure.retryAfter();
      if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
        wait =
            asked.get().compareTo(policy.maxRetryAfter()) > 0
                ? policy.maxRetryAfter()
                : asked.get();
      }
      LOG.debug(
          "{} failed ({}), attempt {}, retrying in {}", call, failure.getMessage(), attempt, wait);
      ctx.sleeper().sleep(wait);
    }
  }

  private Response once(Call call) throws IOException, InterruptedException {
    String url =
        call.path().startsWith("http://") || call.path().startsWith("https://")
            ? call.path()
            : base + call.path();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(ctx.requestTimeout());
    call.headers().forEach(b::header);
    b.method(
        call.method(),
        call.body()
            .map(HttpRequest.BodyPublishers::ofByteArray)
            .orElse(HttpRequest.BodyPublishers.noBody()));
    HttpClient client = ctx.http();
    HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Response r = new Response(res.statusCode(), res.headers(), res.body());
    limits.observe(r.headers()).ifPresent(l -> health.rateLimit(l.remaining(), l.reset()));
    return r;
  }

  /** Null when the status is a success (2xx or 304). */
  private ConnectorException classify(Call call, Response r) {
    int st = r.status();
    if ((st >= 200 && st < 300) || st == 304) {
      return null;
    }
    ConnectorException e = classify(call.toString(), st, r.headers(), ctx.clock().instant());
    if (e.retriable() && e.retryAfter().isEmpty() && st == 429) {
      return ConnectorException.retriable(e.getMessage(), st, limits.untilReset(), null);
    }
    return e;
  }

  /**
   * Classes a failed HTTP status: 408, 429 and 5xx are retriable (with {@code Retry-After} when
   * given), 401/403 and other 4xx permanent.
   */
  public static ConnectorException classify(
      String what, int status, HttpHeaders headers, Instant now) {
    String msg = what + ": HTTP " + status;
    if (status == 429 || status >= 500 || status == 408) {
      return ConnectorException.retriable(msg, status, RateLimits.retryAfter(headers, now), null);
    }
    if (status == 401 || status == 403) {
      return ConnectorException.permanent(
          msg + " (check the credentials and their scopes)", status);
    }
    return ConnectorException.permanent(msg, status);
  }

  /** For tests and health: when the rate-limit window ends, if known. */
  Optional<Instant> rateLimitReset() {
    return limits.reset();
  }
}
