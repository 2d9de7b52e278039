package dev.outpost.connectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A fake network on 127.0.0.1: routes answer recorded payloads; requests matching {@code
 * listenPath} go through the {@link FaultScript} first.
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server")
public final class FakeServer implements AutoCloseable {
  /** A request as the fake saw it. */
  public record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {
    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }
  }

  /** An answer. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public static Reply json(String body) {
      return new Reply(200, "application/json", body, Map.of());
    }

    public static Reply of(int status, String contentType, String body) {
      return new Reply(status, contentType, body, Map.of());
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, contentType, body, h);
    }
  }

  /** Answers requests of one route. */
  @FunctionalInterface
  public interface Route {
    Reply answer(Request r) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Map.Entry<Predicate<Request>, Route>> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final FaultScript faults = new FaultScript();
  private volatile Predicate<Request> listen = r -> false;

  public FakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeServer route(Predicate<Request> when, Route route) {
    routes.add(Map.entry(when, route));
    return this;
  }

  public FakeServer route(String method, String pathPrefix, Route route) {
    return route(r -> r.method().equals(method) && r.path().startsWith(pathPrefix), route);
  }

  /** Requests matching this go through the fault script. */
  public FakeServer listen(Predicate<Request> which) {
    this.listen = which;
    return this;
  }

  public FaultScript faults() {
    return faults;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      URI uri = ex.getRequestURI();
      Map<String, String> query = new LinkedHashMap<>();
      if (uri.getRawQuery() != null) {
        for (String kv : uri.getRawQuery().split("&")) {
          int eq = kv.indexOf('=');
          String k = eq < 0 ? kv : kv.substring(0, eq);
          String v = eq < 0 ? "" : kv.substring(eq + 1);
          query.put(
              URLDecoder.decode(k, StandardCharsets.UTF_8),
              URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
      }
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach(
              (k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request req = new Request(ex.getRequestMethod(), uri.getRawPath(), query, headers, body);
      requests.add(req);
      Reply reply;
      try {
        reply = listen.test(req) ? faulted(req) : answer(req);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        reply = Reply.of(599, "text/plain", "fake server error: " + e);
      }
      if (reply == null) {
        return;
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", reply.contentType());
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private Reply faulted(Request req) throws Exception {
    return switch (faults.next()) {
      case OK -> answer(req);
      case RATE_LIMITED ->
          Reply.of(429, "application/json", "{\"error\":\"Too many requests\"}")
              .withHeader("Retry-After", "1");
      case SERVER_ERROR -> Reply.of(500, "text/plain", "internal error");
      case TIMEOUT -> {
        Thread.sleep(1_600);
        yield answer(req);
      }
      case MALFORMED -> Reply.of(200, "application/json", "{\"truncated\": [ <html>");
      case UNAUTHORIZED ->
          Reply.of(401, "application/json", "{\"error\":\"The access token is invalid\"}");
    };
  }

  private Reply answer(Request req) throws Exception {
    for (var e : routes) {
      if (e.getKey().test(req)) {
        return e.getValue().answer(req);
      }
    }
    return Reply.of(404, "application/json", "{\"error\":\"Record not found\"}");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
