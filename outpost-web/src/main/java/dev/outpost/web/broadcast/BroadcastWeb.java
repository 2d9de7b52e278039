package dev.outpost.web.broadcast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.care.broadcast.StatusView;
import dev.outpost.core.Permission;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import dev.outpost.web.Principal;
import dev.outpost.web.Routes;
import dev.outpost.web.WebFeature;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Broadcasts on the web: the public status page ({@code /status}, its Atom feed and JSON, served
 * from memory with ETags), the {@code /broadcasts} pages to compose, preview, approve and publish,
 * and the same as a REST API under {@code /api/v1/broadcasts}.
 */
public final class BroadcastWeb implements WebFeature {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Broadcaster broadcaster;
  private final String name;
  private final Clock clock;
  private final Duration cacheTtl;
  private StatusCache cache;
  private TemplateEngine templates;

  /**
   * @param name the organisation's name, shown on the status page
   * @param cacheTtl how long the status page is served from memory before it is read again
   */
  public BroadcastWeb(Broadcaster broadcaster, String name, Clock clock, Duration cacheTtl) {
    this.broadcaster = broadcaster;
    this.name = name;
    this.clock = clock;
    this.cacheTtl = cacheTtl;
  }

  @Override
  public void register(Routes routes) {
    templates = routes.templates();
    cache =
        new StatusCache(
            broadcaster,
            clock,
            cacheTtl,
            v -> render("status.jte", new BroadcastPages.Status(name, v)),
            BroadcastWeb::json,
            v -> AtomFeed.render(v, name, broadcaster.settings().statusUrl()));
    routes.publicGet("/status", ctx -> serve(ctx, cache.html(), "text/html; charset=utf-8"));
    routes.publicGet("/status.json", ctx -> serve(ctx, cache.json(), "application/json"));
    routes.publicGet(
        "/status/feed.atom",
        ctx -> serve(ctx, cache.atom(), "application/atom+xml; charset=utf-8"));

    BroadcastForms forms = new BroadcastForms(broadcaster, this);
    routes.get("/broadcasts", Permission.VIEW, forms::index);
    routes.post("/broadcasts", Permission.BROADCAST, forms::create);
    routes.get("/broadcasts/{id}", Permission.VIEW, forms::detail);
    routes.post("/broadcasts/{id}/messages", Permission.BROADCAST, forms::followUp);
    routes.post("/broadcasts/{id}/messages/{seq}/approve", Permission.APPROVE, forms::approve);
    routes.post("/broadcasts/{id}/messages/{seq}/publish", Permission.BROADCAST, forms::publish);
    routes.post("/broadcasts/{id}/retry", Permission.BROADCAST, forms::retry);
    routes.post("/broadcasts/{id}/answer", Permission.REPLY, forms::answer);

    routes.get(
        "/api/v1/broadcasts", Permission.VIEW, ctx -> ctx.json(broadcaster.recent(limit(ctx))));
    routes.post("/api/v1/broadcasts", Permission.BROADCAST, this::apiCreate);
    routes.get("/api/v1/broadcasts/{id}", Permission.VIEW, this::apiDetail);
    routes.post("/api/v1/broadcasts/{id}/messages", Permission.BROADCAST, this::apiFollowUp);
    routes.get(
        "/api/v1/broadcasts/{id}/messages/{seq}/preview",
        Permission.VIEW,
        ctx -> ctx.json(broadcaster.preview(existing(ctx), seq(ctx))));
    routes.post(
        "/api/v1/broadcasts/{id}/messages/{seq}/approve",
        Permission.APPROVE,
        ctx -> {
          broadcaster.approve(existing(ctx), seq(ctx), Principal.of(ctx).name());
          apiDetail(ctx);
        });
    routes.post(
        "/api/v1/broadcasts/{id}/messages/{seq}/publish",
        Permission.BROADCAST,
        ctx -> {
          broadcaster.publish(existing(ctx), seq(ctx), Principal.of(ctx).name());
          apiDetail(ctx);
        });
    routes.post(
        "/api/v1/broadcasts/{id}/retry",
        Permission.BROADCAST,
        ctx ->
            ctx.json(
                Map.of(
                    "retried", broadcaster.retryFailed(existing(ctx), Principal.of(ctx).name()))));
    routes.get(
        "/api/v1/broadcasts/{id}/affected",
        Permission.VIEW_PERSONAL_DATA,
        ctx -> ctx.json(broadcaster.affected(existing(ctx))));
    routes.post(
        "/api/v1/broadcasts/{id}/affected/answer",
        Permission.REPLY,
        ctx -> {
          AnswerBody body = ctx.bodyAsClass(AnswerBody.class);
          ctx.json(
              Map.of(
                  "queued",
                  broadcaster.answerAffected(
                      existing(ctx),
                      body.text() == null ? "" : body.text(),
                      Principal.of(ctx).name())));
        });
  }

  /** A new broadcast. */
  record CreateBody(
      String title, String impact, List<String> components, String incidentId, String body) {}

  /** An update or the resolution ({@code kind}: update or resolution). */
  record MessageBody(String kind, String body) {}

  /** The answer sent to everyone affected. */
  record AnswerBody(String text) {}

  private void apiCreate(Context ctx) {
    CreateBody b = ctx.bodyAsClass(CreateBody.class);
    Broadcast created =
        broadcaster.draft(
            b.title(),
            impact(b.impact()),
            b.components() == null ? List.of() : b.components(),
            Optional.ofNullable(b.incidentId()).filter(s -> !s.isBlank()),
            b.body(),
            Principal.of(ctx).name());
    ctx.status(HttpStatus.CREATED).json(created);
  }

  private void apiFollowUp(Context ctx) {
    MessageBody b = ctx.bodyAsClass(MessageBody.class);
    Broadcast.Message m =
        broadcaster.followUp(existing(ctx), kind(b.kind()), b.body(), Principal.of(ctx).name());
    ctx.status(HttpStatus.CREATED).json(m);
  }

  private void apiDetail(Context ctx) {
    long id = id(ctx);
    Broadcast b = find(id);
    ctx.json(Map.of("broadcast", b, "deliveries", broadcaster.results(id)));
  }

  Broadcast find(long id) {
    return broadcaster.find(id).orElseThrow(() -> new NotFoundResponse("no broadcast " + id));
  }

  static Impact impact(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException(
          "impact is required: maintenance, degraded, partial_outage or major_outage");
    }
    try {
      return Impact.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "impact must be maintenance, degraded, partial_outage or major_outage, was '" + raw + "'",
          e);
    }
  }

  static Broadcast.Kind kind(String raw) {
    String k = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "update" -> Broadcast.Kind.UPDATE;
      case "resolution" -> Broadcast.Kind.RESOLUTION;
      default ->
          throw new IllegalArgumentException(
              "kind must be update or resolution, was '" + raw + "'");
    };
  }

  /** The path's broadcast id; 404 when there is no such broadcast. */
  private long existing(Context ctx) {
    long id = id(ctx);
    find(id);
    return id;
  }

  static long id(Context ctx) {
    return number(ctx.pathParam("id"), "broadcast id");
  }

  static int seq(Context ctx) {
    long n = number(ctx.pathParam("seq"), "message number");
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException("message number must be between 1 and 10000");
    }
    return (int) n;
  }

  private static long number(String raw, String what) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, was '" + raw + "'", e);
    }
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 50;
    }
    long n = number(raw, "limit");
    if (n < 1 || n > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500");
    }
    return (int) n;
  }

  String render(String template, Object page) {
    StringOutput out = new StringOutput();
    templates.render(template, page, out);
    return out.toString();
  }

  private void serve(Context ctx, StatusCache.Rendered r, String contentType) {
    ctx.header("ETag", r.etag());
    ctx.header("Cache-Control", "public, max-age=" + cache.ttl().toSeconds());
    String match = ctx.header("If-None-Match");
    if (match != null && (match.equals(r.etag()) || match.contains(r.etag()))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(r.body());
  }

  private static String json(StatusView v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the status as JSON: " + e.getMessage(), e);
    }
  }
}
