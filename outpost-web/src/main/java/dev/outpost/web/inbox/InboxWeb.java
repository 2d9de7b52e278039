package dev.outpost.web.inbox;

import dev.outpost.care.inbox.CaseConflict;
import dev.outpost.care.inbox.CaseNotFound;
import dev.outpost.care.inbox.CaseStatus;
import dev.outpost.care.inbox.Inbox;
import dev.outpost.care.inbox.InboxCase;
import dev.outpost.core.Permission;
import dev.outpost.web.Principal;
import dev.outpost.web.Routes;
import dev.outpost.web.WebFeature;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox's REST API under {@code /api/v1/cases} and {@code /api/v1/saved-replies}. Reading needs
 * {@link Permission#VIEW} (authors' handles need {@link Permission#VIEW_PERSONAL_DATA}); acting
 * needs {@link Permission#REPLY}. Changes take a JSON body, which browsers never send across
 * origins without a CORS preflight Outpost does not grant. The acting agent is always the caller.
 */
public final class InboxWeb implements WebFeature {
  private final Inbox inbox;

  public InboxWeb(Inbox inbox) {
    this.inbox = inbox;
  }

  /** A request body; each action reads the fields it needs. */
  record Body(
      String text,
      String template,
      Boolean force,
      String agent,
      String status,
      String reason,
      List<String> tags,
      String body) {}

  @Override
  public void register(Routes r) {
    r.get("/inbox", Permission.VIEW, ctx -> page(ctx, r, "queue", ""));
    r.get(
        "/inbox/cases/{id}", Permission.VIEW, ctx -> page(ctx, r, "case", String.valueOf(id(ctx))));
    r.get("/api/v1/cases", Permission.VIEW, this::list);
    r.get("/api/v1/cases/{id}", Permission.VIEW, this::get);
    r.post("/api/v1/cases/{id}/messages/{message}/approve", Permission.APPROVE, this::approve);
    r.post("/api/v1/cases/{id}/claim", Permission.REPLY, this::claim);
    r.post("/api/v1/cases/{id}/assign", Permission.REPLY, this::assign);
    r.post("/api/v1/cases/{id}/reply", Permission.REPLY, this::reply);
    r.post("/api/v1/cases/{id}/dm-invite", Permission.REPLY, this::dmInvite);
    r.post("/api/v1/cases/{id}/follow", Permission.REPLY, this::follow);
    r.post("/api/v1/cases/{id}/escalate", Permission.REPLY, this::escalate);
    r.post("/api/v1/cases/{id}/status", Permission.REPLY, this::status);
    r.post("/api/v1/cases/{id}/notes", Permission.REPLY, this::note);
    r.put("/api/v1/cases/{id}/tags", Permission.REPLY, this::tags);
    r.post("/api/v1/cases/{id}/drafting", Permission.REPLY, this::drafting);
    r.get("/api/v1/care/report", Permission.VIEW, this::report);
    r.get("/api/v1/saved-replies", Permission.VIEW, ctx -> ctx.json(inbox.savedReplies()));
    r.put("/api/v1/saved-replies/{name}", Permission.REPLY, this::saveReply);
  }

  /** The page shell; the queue and the case are filled in by {@code inbox.js} from the API. */
  private static void page(Context ctx, Routes r, String view, String caseId) {
    StringOutput out = new StringOutput();
    r.templates().render("inbox.jte", Map.of("view", view, "caseId", caseId), out);
    ctx.html(out.toString());
  }

  private void list(Context ctx) {
    List<CaseStatus> statuses = new ArrayList<>();
    for (String s : ctx.queryParams("status")) {
      statuses.add(status(s));
    }
    int limit = Optional.ofNullable(ctx.queryParam("limit")).map(InboxWeb::number).orElse(100);
    Inbox.Filter f =
        new Inbox.Filter(
            statuses,
            Optional.ofNullable(ctx.queryParam("queue")).filter(q -> !q.isBlank()),
            Optional.ofNullable(ctx.queryParam("assignee")).filter(q -> !q.isBlank()),
            limit);
    boolean personal = Principal.of(ctx).may(Permission.VIEW_PERSONAL_DATA);
    ctx.json(inbox.queue(f).stream().map(k -> view(k, personal)).toList());
  }

  private void get(Context ctx) {
    long id = id(ctx);
    InboxCase.Detail d = inbox.find(id).orElse(null);
    if (d == null) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no case " + id));
      return;
    }
    boolean personal = Principal.of(ctx).may(Permission.VIEW_PERSONAL_DATA);
    Map<String, Object> m = view(d.summary(), personal);
    m.put(
        "messages",
        d.messages().stream()
            .map(x -> personal || !x.direction().equals("IN") ? x : masked(x))
            .toList());
    m.put("history", d.history());
    m.put("drafting", d.drafting());
    ctx.json(m);
  }

  private static InboxCase.Message masked(InboxCase.Message x) {
    return new InboxCase.Message(
        x.id(),
        x.direction(),
        x.kind(),
        x.externalId(),
        "(hidden)",
        x.text(),
        x.at(),
        x.sentiment(),
        x.delivery(),
        x.awaitingApproval(),
        x.approvedBy(),
        x.mentionId());
  }

  private static Map<String, Object> view(InboxCase k, boolean personal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("network", k.network());
    m.put("author", personal ? k.authorHandle() : "(hidden)");
    m.put("authorName", personal ? k.authorName() : "(hidden)");
    m.put("authorFollowers", k.authorFollowers());
    m.put("topic", k.topicId());
    m.put("queue", k.queue());
    m.put("status", k.status().name().toLowerCase(Locale.ROOT));
    m.put("priority", k.priority().score());
    m.put("reasons", k.priority().reasons());
    m.put("assignee", k.assignee().orElse(null));
    m.put("tags", k.tags());
    m.put("openedAt", k.openedAt());
    m.put("firstResponse", k.firstResponse());
    m.put("resolution", k.resolution());
    m.put("resolutionReason", k.resolutionReason().orElse(null));
    m.put("firstSentiment", k.firstSentiment().orElse(null));
    m.put("latestSentiment", k.latestSentiment().orElse(null));
    m.put("becameFan", k.becameFan());
    m.put("preview", k.preview());
    return m;
  }

  private void report(Context ctx) {
    java.time.Instant to =
        Optional.ofNullable(ctx.queryParam("to")).map(InboxWeb::instant).orElseGet(inbox::now);
    java.time.Instant from =
        Optional.ofNullable(ctx.queryParam("from"))
            .map(InboxWeb::instant)
            .orElse(to.minus(java.time.Duration.ofDays(30)));
    ctx.json(inbox.report(Optional.ofNullable(ctx.queryParam("by")).orElse("agent"), from, to));
  }

  private static java.time.Instant instant(String raw) {
    try {
      return raw.length() == 10
          ? java.time.LocalDate.parse(raw).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.Instant.parse(raw);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "expected a date (2026-12-01) or an instant (2026-12-01T10:00:00Z), was '" + raw + "'",
          e);
    }
  }

  private void approve(Context ctx) {
    body(ctx);
    long message = number(ctx.pathParam("message"));
    act(ctx, () -> inbox.approve(id(ctx), message, agent(ctx)));
  }

  private void claim(Context ctx) {
    Body b = body(ctx);
    run(ctx, () -> inbox.claim(id(ctx), agent(ctx), Boolean.TRUE.equals(b.force())));
  }

  private void assign(Context ctx) {
    Body b = body(ctx);
    if (b.agent() == null || b.agent().isBlank()) {
      throw new IllegalArgumentException("agent is required");
    }
    run(ctx, () -> inbox.assign(id(ctx), b.agent().strip(), agent(ctx)));
  }

  private void reply(Context ctx) {
    Body b = body(ctx);
    long id = id(ctx);
    String text =
        b.template() != null && !b.template().isBlank()
            ? inbox.render(b.template(), id, agent(ctx))
            : b.text();
    act(ctx, () -> inbox.reply(id, agent(ctx), text, Boolean.TRUE.equals(b.force())));
  }

  private void dmInvite(Context ctx) {
    Body b = body(ctx);
    act(ctx, () -> inbox.inviteToDm(id(ctx), agent(ctx), b.text()));
  }

  private void follow(Context ctx) {
    body(ctx);
    act(ctx, () -> inbox.follow(id(ctx), agent(ctx)));
  }

  private void escalate(Context ctx) {
    Body b = body(ctx);
    String reason = b.reason() == null || b.reason().isBlank() ? "escalated" : b.reason();
    run(ctx, () -> inbox.escalate(id(ctx), agent(ctx), reason));
  }

  private void status(Context ctx) {
    Body b = body(ctx);
    if (b.status() == null) {
      throw new IllegalArgumentException(
          "status is required: open, waiting, escalated or resolved");
    }
    run(
        ctx,
        () ->
            inbox.status(id(ctx), agent(ctx), status(b.status()), Optional.ofNullable(b.reason())));
  }

  private void note(Context ctx) {
    Body b = body(ctx);
    run(ctx, () -> inbox.note(id(ctx), agent(ctx), b.text()));
  }

  private void tags(Context ctx) {
    Body b = body(ctx);
    run(ctx, () -> inbox.tags(id(ctx), agent(ctx), b.tags() == null ? List.of() : b.tags()));
  }

  private void drafting(Context ctx) {
    body(ctx);
    long id = id(ctx);
    try {
      ctx.json(Map.of("others", inbox.drafting(id, agent(ctx))));
    } catch (CaseNotFound e) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage()));
    }
  }

  private void saveReply(Context ctx) {
    Body b = body(ctx);
    inbox.saveReply(ctx.pathParam("name"), b.body(), agent(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void run(Context ctx, Runnable action) {
    act(
        ctx,
        () -> {
          action.run();
          return null;
        });
  }

  private void act(Context ctx, java.util.function.Supplier<?> action) {
    long id = id(ctx);
    try {
      Object result = action.get();
      if (result == null) {
        boolean personal = Principal.of(ctx).may(Permission.VIEW_PERSONAL_DATA);
        ctx.json(view(inbox.find(id).orElseThrow().summary(), personal));
      } else {
        ctx.status(HttpStatus.ACCEPTED).json(result);
      }
    } catch (CaseNotFound e) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage()));
    } catch (CaseConflict e) {
      ctx.status(HttpStatus.CONFLICT).json(Map.of("error", e.getMessage()));
    }
  }

  private static String agent(Context ctx) {
    return Principal.of(ctx).name();
  }

  private static Body body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the request with Content-Type: application/json");
    }
    String raw = ctx.body();
    return raw.isBlank()
        ? new Body(null, null, null, null, null, null, null, null)
        : ctx.bodyAsClass(Body.class);
  }

  private static long id(Context ctx) {
    return number(ctx.pathParam("id"));
  }

  private static int number(String raw) {
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, was '" + raw + "'", e);
    }
  }

  private static CaseStatus status(String s) {
    try {
      return CaseStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status must be new, open, waiting, escalated or resolved, was '" + s + "'", e);
    }
  }
}
