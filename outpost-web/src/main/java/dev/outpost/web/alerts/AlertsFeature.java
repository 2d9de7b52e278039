package dev.outpost.web.alerts;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.Permission;
import dev.outpost.core.alerts.AlertStore;
import dev.outpost.core.alerts.AlertThread;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.web.Principal;
import dev.outpost.web.Routes;
import dev.outpost.web.WebFeature;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts and incidents: the pages {@code /alerts}, {@code /incidents} and {@code /incidents/{id}},
 * and the API under {@code /api/v1/alerts} and {@code /api/v1/incidents}. Reading needs {@link
 * Permission#VIEW}; acknowledging, snoozing and resolving need {@link Permission#MANAGE_ALERTS},
 * take a JSON body and are written to the audit log.
 */
public final class AlertsFeature implements WebFeature {
  private static final int MAX_SNOOZE_MINUTES = 7 * 24 * 60;
  private final AlertStore alerts;
  private final AuditLog audit;
  private final Clock clock;

  public AlertsFeature(AlertStore alerts, AuditLog audit, Clock clock) {
    this.alerts = alerts;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void register(Routes r) {
    r.get("/alerts", Permission.VIEW, ctx -> alertsPage(ctx, r));
    r.get("/incidents", Permission.VIEW, ctx -> incidentsPage(ctx, r));
    r.get("/incidents/{id}", Permission.VIEW, ctx -> incidentPage(ctx, r));
    r.get("/api/v1/alerts", Permission.VIEW, this::list);
    r.get("/api/v1/alerts/{id}", Permission.VIEW, this::one);
    r.post(
        "/api/v1/alerts/{id}/acknowledge",
        Permission.MANAGE_ALERTS,
        ctx -> act(ctx, "acknowledge"));
    r.post("/api/v1/alerts/{id}/snooze", Permission.MANAGE_ALERTS, ctx -> act(ctx, "snooze"));
    r.post("/api/v1/alerts/{id}/resolve", Permission.MANAGE_ALERTS, ctx -> act(ctx, "resolve"));
    r.get("/api/v1/incidents", Permission.VIEW, ctx -> ctx.json(alerts.incidents(limit(ctx))));
    r.get("/api/v1/incidents/{id}", Permission.VIEW, ctx -> ctx.json(incident(ctx)));
  }

  /** A thread as the API shows it. */
  public record ThreadView(
      String id,
      String kind,
      String subject,
      String severity,
      String phase,
      String status,
      boolean active,
      Instant openedAt,
      Instant lastAt,
      int messages,
      double observed,
      double expected,
      String summary,
      String evidence,
      Map<String, String> details,
      Optional<Instant> snoozedUntil,
      Optional<AlertThread.Actor> acknowledgedBy,
      Optional<AlertThread.Actor> resolvedBy,
      Optional<Instant> escalatedAt) {
    static ThreadView of(AlertThread t) {
      Alert a = t.latest();
      return new ThreadView(
          t.id(),
          a.kind().id(),
          a.subject(),
          a.severity().id(),
          a.phase().id(),
          t.status().name().toLowerCase(Locale.ROOT),
          t.active(),
          t.openedAt(),
          a.at(),
          t.messages(),
          a.observed(),
          a.expected(),
          a.summary(),
          a.evidence(),
          a.details(),
          t.snoozedUntil(),
          t.acknowledgedBy(),
          t.resolvedBy(),
          t.escalatedAt());
    }

    /** The page's link to the evidence: an incident's page, otherwise the evidence itself. */
    public String link() {
      if (kind.equals("incident")) {
        return "/incidents/"
            + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8);
      }
      return evidence.startsWith("/") && !evidence.startsWith("//") ? evidence : "#";
    }
  }

  /** A message of a thread as the API shows it. */
  public record MessageView(
      String phase, String severity, Instant at, double observed, double expected, String summary) {
    static MessageView of(Alert a) {
      return new MessageView(
          a.phase().id(), a.severity().id(), a.at(), a.observed(), a.expected(), a.summary());
    }
  }

  private void list(Context ctx) {
    boolean all = "all".equals(ctx.queryParam("status"));
    ctx.json(
        alerts.threads(!all, limit(ctx), clock.instant()).stream().map(ThreadView::of).toList());
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    AlertThread t = alerts.thread(id, clock.instant()).orElseThrow(() -> notFound("alert", id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("thread", ThreadView.of(t));
    body.put("messages", alerts.messages(id).stream().map(MessageView::of).toList());
    ctx.json(body);
  }

  /** The body of a snooze. */
  record SnoozeBody(Integer minutes) {}

  private void act(Context ctx, String action) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the request with Content-Type: application/json");
    }
    String id = ctx.pathParam("id");
    String actor = Principal.of(ctx).name();
    Instant now = clock.instant();
    Map<String, String> details = new LinkedHashMap<>();
    Optional<AlertThread> done =
        switch (action) {
          case "acknowledge" -> alerts.acknowledge(id, actor, now);
          case "resolve" -> alerts.resolve(id, actor, now);
          case "snooze" -> {
            String raw = ctx.body();
            SnoozeBody b = raw.isBlank() ? new SnoozeBody(null) : ctx.bodyAsClass(SnoozeBody.class);
            int minutes = b.minutes() == null ? 60 : b.minutes();
            if (minutes < 1 || minutes > MAX_SNOOZE_MINUTES) {
              throw new IllegalArgumentException(
                  "minutes must be between 1 and " + MAX_SNOOZE_MINUTES + ", was " + minutes);
            }
            details.put("minutes", Integer.toString(minutes));
            yield alerts.snooze(id, actor, Duration.ofMinutes(minutes), now);
          }
          default -> throw new IllegalStateException(action);
        };
    AlertThread t = done.orElseThrow(() -> notFound("alert", id));
    audit.record(new AuditEvent(now, actor, "alert." + action, "alert:" + id, details));
    ctx.status(HttpStatus.OK).json(ThreadView.of(t));
  }

  private Incident incident(Context ctx) {
    String id = ctx.pathParam("id");
    return alerts.incident(id).orElseThrow(() -> notFound("incident", id));
  }

  private static NotFoundResponse notFound(String what, String id) {
    return new NotFoundResponse("no " + what + " with id '" + id + "'");
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("limit must be between 1 and 1000, was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, was '" + raw + "'", e);
    }
  }

  /** What the alerts page shows. */
  public record AlertsPage(
      List<ThreadView> threads, boolean all, boolean mayManage, long activeCount) {}

  /** What the incidents page shows. */
  public record IncidentsPage(List<Incident> incidents) {}

  /** What an incident's page shows: the incident and its alert thread, when known. */
  public record IncidentPage(
      Incident incident, Optional<ThreadView> thread, List<MessageView> messages, int maxHour) {}

  private void alertsPage(Context ctx, Routes r) {
    boolean all = "all".equals(ctx.queryParam("status"));
    Instant now = clock.instant();
    List<ThreadView> threads = alerts.threads(!all, 200, now).stream().map(ThreadView::of).toList();
    boolean manage = Principal.of(ctx).may(Permission.MANAGE_ALERTS);
    render(
        ctx, r, "alerts/alerts.jte", new AlertsPage(threads, all, manage, alerts.activeCount(now)));
  }

  private void incidentsPage(Context ctx, Routes r) {
    render(ctx, r, "alerts/incidents.jte", new IncidentsPage(alerts.incidents(200)));
  }

  private void incidentPage(Context ctx, Routes r) {
    Incident i = incident(ctx);
    String threadId = "incident:" + i.id();
    Optional<ThreadView> thread = alerts.thread(threadId, clock.instant()).map(ThreadView::of);
    List<MessageView> messages = alerts.messages(threadId).stream().map(MessageView::of).toList();
    int max = i.timeline().stream().mapToInt(Incident.TimelinePoint::posts).max().orElse(1);
    render(ctx, r, "alerts/incident.jte", new IncidentPage(i, thread, messages, Math.max(1, max)));
  }

  private static void render(Context ctx, Routes r, String template, Object page) {
    StringOutput out = new StringOutput();
    r.templates().render(template, page, out);
    ctx.html(out.toString());
  }
}
