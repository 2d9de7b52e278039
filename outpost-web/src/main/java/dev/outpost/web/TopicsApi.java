package dev.outpost.web;

import dev.outpost.core.Permission;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.core.Topics;
import dev.outpost.core.Topics.QueryValidation;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/topics} (create, replace, delete) and {@code /api/v1/queries/check}. A bad query
 * is answered 400 with the same column and message as {@code outpost query check}. Changes need a
 * JSON body ({@code Content-Type: application/json}), which browsers never send across origins
 * without a CORS preflight that Outpost does not grant.
 */
final class TopicsApi {
  private final Topics topics;

  TopicsApi(Topics topics) {
    this.topics = topics;
  }

  /** The request body of a topic. */
  record TopicBody(String id, String name, String kind, String query) {}

  void register(Routes r) {
    r.get("/api/v1/queries/check", Permission.VIEW, this::check);
    r.get("/api/v1/queries/preview", Permission.VIEW, this::preview);
    r.post("/api/v1/topics", Permission.EDIT_QUERIES, ctx -> save(ctx, null));
    r.put("/api/v1/topics/{id}", Permission.EDIT_QUERIES, ctx -> save(ctx, ctx.pathParam("id")));
    r.delete("/api/v1/topics/{id}", Permission.EDIT_QUERIES, this::delete);
  }

  private void check(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null) {
      throw new IllegalArgumentException("query parameter q is required");
    }
    QueryValidation v = topics.check(q);
    ctx.status(v.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).json(body(v));
  }

  private void preview(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null) {
      throw new IllegalArgumentException("query parameter q is required");
    }
    int limit = new Params(ctx).limit(20, 200);
    Topics.Preview preview = topics.preview(q, limit);
    Map<String, Object> m = body(preview.validation());
    m.put("scanned", preview.scanned());
    m.put("matched", preview.matched());
    boolean personal = Principal.of(ctx).may(Permission.VIEW_PERSONAL_DATA);
    m.put(
        "posts",
        preview.posts().stream()
            .map(
                p -> {
                  Map<String, Object> post = new LinkedHashMap<>();
                  post.put("network", p.network());
                  post.put("externalId", p.externalId());
                  post.put("author", personal ? p.author().handle() : "(hidden)");
                  post.put("text", p.text());
                  post.put("language", p.language());
                  post.put("createdAt", p.createdAt().toString());
                  post.put("url", p.url().filter(WebServer::isWebLink).orElse(null));
                  return post;
                })
            .toList());
    ctx.status(preview.validation().ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).json(m);
  }

  private void save(Context ctx, String pathId) {
    requireJson(ctx);
    TopicBody b = ctx.bodyAsClass(TopicBody.class);
    String id = pathId != null ? pathId : b.id();
    if (pathId != null && b.id() != null && !b.id().equals(pathId)) {
      throw new IllegalArgumentException("id in the body differs from the id in the path");
    }
    Topic topic = new Topic(id, b.name() == null ? id : b.name(), kind(b.kind()), b.query());
    QueryValidation v = topics.save(topic);
    if (!v.ok()) {
      ctx.status(HttpStatus.BAD_REQUEST).json(body(v));
      return;
    }
    ctx.status(pathId == null ? HttpStatus.CREATED : HttpStatus.OK).json(topic);
  }

  private void delete(Context ctx) {
    requireJson(ctx);
    ctx.status(topics.delete(ctx.pathParam("id")) ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND);
  }

  private static void requireJson(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the request with Content-Type: application/json");
    }
  }

  private static TopicKind kind(String kind) {
    if (kind == null) {
      throw new IllegalArgumentException(
          "kind is required: brand, product, competitor or campaign");
    }
    try {
      return TopicKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "kind must be brand, product, competitor or campaign, was '" + kind + "'", e);
    }
  }

  private static Map<String, Object> body(QueryValidation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", v.ok());
    v.normalised().ifPresent(n -> m.put("normalised", n));
    if (!v.ok()) {
      m.put("column", v.column());
      m.put("error", "error at column " + v.column() + ": " + v.message());
    }
    return m;
  }
}
