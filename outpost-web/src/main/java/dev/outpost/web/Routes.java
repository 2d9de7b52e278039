package dev.outpost.web;

import dev.outpost.core.Permission;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.security.RouteRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where routes are declared: every route says who may use it, a {@link Permission} or {@link
 * #publicGet public}, so access is decided in one place for the UI and the API alike.
 */
public final class Routes {
  /** The access a route declares, carried as its Javalin route role. */
  public sealed interface Access extends RouteRole permits Needs, Public {}

  /** The route needs this permission. */
  public record Needs(Permission permission) implements Access {}

  /** Anyone may use the route, signed in or not (the status page, health, login). */
  public record Public() implements Access {}

  private static final Public PUBLIC = new Public();
  private final Javalin app;
  private final TemplateEngine templates;
  private final Map<String, Access> declared = new LinkedHashMap<>();

  Routes(Javalin app, TemplateEngine templates) {
    this.app = app;
    this.templates = templates;
  }

  /** The precompiled jte templates, for server-rendered pages. */
  public TemplateEngine templates() {
    return templates;
  }

  public void get(String path, Permission p, Handler h) {
    add(HandlerType.GET, path, new Needs(p), h);
  }

  public void post(String path, Permission p, Handler h) {
    add(HandlerType.POST, path, new Needs(p), h);
  }

  public void put(String path, Permission p, Handler h) {
    add(HandlerType.PUT, path, new Needs(p), h);
  }

  public void patch(String path, Permission p, Handler h) {
    add(HandlerType.PATCH, path, new Needs(p), h);
  }

  public void delete(String path, Permission p, Handler h) {
    add(HandlerType.DELETE, path, new Needs(p), h);
  }

  /** A GET anyone may use, without signing in. */
  public void publicGet(String path, Handler h) {
    add(HandlerType.GET, path, PUBLIC, h);
  }

  /** A POST anyone may use, without signing in (sign-in itself, signed inbound webhooks). */
  public void publicPost(String path, Handler h) {
    add(HandlerType.POST, path, PUBLIC, h);
  }

  /** A server-sent event stream. */
  public void sse(String path, Permission p, Consumer<SseClient> client) {
    declare(HandlerType.GET, path, new Needs(p));
    app.sse(path, client, new Needs(p));
  }

  private void add(HandlerType method, String path, Access access, Handler h) {
    declare(method, path, access);
    app.addHttpHandler(method, path, h, access);
  }

  private void declare(HandlerType method, String path, Access access) {
    String key = method + " " + path;
    if (declared.putIfAbsent(key, access) != null) {
      throw new IllegalStateException("route " + key + " is declared twice");
    }
  }

  /** Every declared route ({@code "GET /path"}) with its access, in declaration order. */
  public Map<String, Access> declared() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(declared));
  }

  /** What a declared route needs; empty for a route nobody declared. */
  public Optional<Access> access(HandlerType method, String path) {
    return Optional.ofNullable(declared.get(method + " " + path));
  }
}
