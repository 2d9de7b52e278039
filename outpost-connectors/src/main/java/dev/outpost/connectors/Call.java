package dev.outpost.connectors;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to make through {@link Http}.
 *
 * @param method GET, POST, ...
 * @param path a path (with query) resolved against the base URL, or an absolute URL
 * @param headers request headers
 * @param body the request body
 * @param idempotent whether repeating it is harmless; a non-idempotent call is retried only after
 *     429 (the network refused it, so nothing was done)
 */
public record Call(
    String method,
    String path,
    Map<String, String> headers,
    Optional<byte[]> body,
    boolean idempotent) {

  public Call {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  public static Call get(String path) {
    return new Call("GET", path, Map.of(), Optional.empty(), true);
  }

  public static Call post(String path, String contentType, String body) {
    return new Call(
        "POST",
        path,
        Map.of("Content-Type", contentType),
        Optional.of(body.getBytes(StandardCharsets.UTF_8)),
        false);
  }

  public Call header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Call(method, path, h, body, idempotent);
  }

  public Call headers(Map<String, String> more) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new Call(method, path, h, body, idempotent);
  }

  /** Marks the call safe to repeat (for example because it carries an idempotency key). */
  public Call retrySafe() {
    return new Call(method, path, headers, body, true);
  }

  /** The path without its query string, for messages (queries may carry keys). */
  String shownPath() {
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    int scheme = p.indexOf("://");
    return scheme < 0
        ? p
        : p.substring(p.indexOf('/', scheme + 3) < 0 ? p.length() : p.indexOf('/', scheme + 3));
  }

  @Override
  public String toString() {
    return method + " " + shownPath();
  }
}
