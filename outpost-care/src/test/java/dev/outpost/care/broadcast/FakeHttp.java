package dev.outpost.care.broadcast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP server that answers as a test scripts it and records every request. */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server")
final class FakeHttp implements AutoCloseable {
  record Request(String method, String path, String query, String idempotencyKey, String body) {
    /** A query parameter (not decoded: the tests use plain values). */
    String param(String name) {
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  record Reply(int status, String body) {
    static Reply json(String body) {
      return new Reply(200, body);
    }
  }

  @FunctionalInterface
  interface Handler {
    Reply handle(Request r);
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  volatile Handler handler;

  FakeHttp(Handler handler) throws IOException {
    this.handler = handler;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  private void serve(HttpExchange ex) throws IOException {
    Request r =
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            ex.getRequestURI().getRawQuery(),
            ex.getRequestHeaders().getFirst("Idempotency-Key"),
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(r);
    Reply reply = handler.handle(r);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
