package dev.outpost.app.impersonation;

import dev.outpost.core.Permission;
import dev.outpost.identity.Reason;
import dev.outpost.identity.TakedownReport;
import dev.outpost.identity.review.ImpersonationReview;
import dev.outpost.identity.review.ReviewItem;
import dev.outpost.identity.review.ReviewStatus;
import dev.outpost.web.Csv;
import dev.outpost.web.ImpersonationPage;
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
import java.util.stream.Stream;

/**
 * The impersonation review queue on the web (issue 10): the page {@code /impersonation} and the API
 * under {@code /api/v1/impersonation/}. Candidates are authors' accounts, so reading them needs
 * {@link Permission#VIEW_PERSONAL_DATA}; deciding (confirm, dismiss, report) needs {@link
 * Permission#MANAGE_ALERTS}, like acting on any other alert.
 */
public final class ImpersonationFeature implements WebFeature {
  private final Optional<ImpersonationReview> review;

  /**
   * @param review the live review, or empty when no identities are protected
   */
  public ImpersonationFeature(Optional<ImpersonationReview> review) {
    this.review = review;
  }

  /** The body of a decision. */
  record Decision(String decision, String note) {}

  @Override
  public void register(Routes r) {
    r.get("/impersonation", Permission.VIEW_PERSONAL_DATA, ctx -> page(ctx, r));
    r.get("/api/v1/impersonation/candidates", Permission.VIEW_PERSONAL_DATA, this::list);
    r.get("/api/v1/impersonation/candidates/{id}", Permission.VIEW_PERSONAL_DATA, this::one);
    r.post(
        "/api/v1/impersonation/candidates/{id}/decision", Permission.MANAGE_ALERTS, this::decide);
    r.get("/api/v1/impersonation/takedown", Permission.VIEW_PERSONAL_DATA, this::takedown);
  }

  private void page(Context ctx, Routes r) {
    String status = Optional.ofNullable(ctx.queryParam("status")).orElse("new");
    List<ReviewItem> items = items(status, 500);
    List<String> statuses =
        Stream.concat(Stream.of(ReviewStatus.values()).map(ReviewStatus::label), Stream.of("all"))
            .toList();
    ImpersonationPage page =
        new ImpersonationPage(
            status,
            statuses,
            items.stream().map(ImpersonationFeature::row).toList(),
            review.isPresent());
    StringOutput out = new StringOutput();
    r.templates().render("impersonation.jte", page, out);
    ctx.html(out.toString());
  }

  private void list(Context ctx) {
    String status = Optional.ofNullable(ctx.queryParam("status")).orElse("all");
    int limit =
        Optional.ofNullable(ctx.queryParam("limit")).map(l -> number(l, "limit")).orElse(100);
    ctx.json(items(status, limit).stream().map(ImpersonationFeature::json).toList());
  }

  private void one(Context ctx) {
    long id = number(ctx.pathParam("id"), "id");
    Optional<ReviewItem> item = review.flatMap(rv -> rv.find(id));
    if (item.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no impersonation candidate " + id));
      return;
    }
    ctx.json(json(item.get()));
  }

  private void decide(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the decision with Content-Type: application/json");
    }
    long id = number(ctx.pathParam("id"), "id");
    Decision d = ctx.bodyAsClass(Decision.class);
    if (d == null || d.decision() == null) {
      throw new IllegalArgumentException(
          "decision is required: confirm, dismiss, report or reopen");
    }
    Optional<ReviewItem> done =
        review.flatMap(rv -> rv.decide(id, d.decision(), Principal.of(ctx).name(), d.note()));
    if (done.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no impersonation candidate " + id));
      return;
    }
    ctx.json(json(done.get()));
  }

  private void takedown(Context ctx) {
    List<TakedownReport> reports =
        review.map(ImpersonationReview::takedownReports).orElse(List.of());
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    switch (format) {
      case "json" -> ctx.json(reports);
      case "csv" -> {
        List<List<?>> rows = new ArrayList<>();
        for (TakedownReport t : reports) {
          rows.add(
              List.of(
                  t.networkName(),
                  t.account(),
                  t.impersonates(),
                  t.reportUrl(),
                  t.policyUrl(),
                  t.how(),
                  String.join(" | ", t.evidence())));
        }
        ctx.contentType("text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"takedown-report.csv\"")
            .result(
                Csv.write(
                    List.of(
                        "network",
                        "account",
                        "impersonates",
                        "report_url",
                        "policy_url",
                        "how",
                        "evidence"),
                    rows));
      }
      default ->
          throw new IllegalArgumentException("format must be json or csv, was '" + format + "'");
    }
  }

  private List<ReviewItem> items(String status, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
    Optional<ReviewStatus> filter =
        status.equals("all") ? Optional.empty() : Optional.of(ReviewStatus.parse(status));
    return review.map(rv -> rv.list(filter, limit)).orElse(List.of());
  }

  private static ImpersonationPage.Row row(ReviewItem i) {
    return new ImpersonationPage.Row(
        i.id(),
        account(i),
        i.candidate().displayName(),
        String.format(Locale.ROOT, "%.2f", i.assessment().score()),
        i.assessment().verdict().label(),
        i.assessment().resembles().orElse(""),
        i.assessment().reasons().stream().map(Reason::toString).toList(),
        i.status().label(),
        i.sightings(),
        i.lastSeen().toString(),
        i.example().url().orElse(""),
        i.example().text(),
        i.reviewedBy()
            .map(b -> b + " " + i.reviewedAt().map(Object::toString).orElse(""))
            .orElse(""));
  }

  private static String account(ReviewItem i) {
    return (i.candidate().network().isEmpty() ? "" : i.candidate().network() + ":")
        + "@"
        + i.candidate().handle();
  }

  private static Map<String, Object> json(ReviewItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("network", i.candidate().network());
    m.put("handle", i.candidate().handle());
    m.put("displayName", i.candidate().displayName());
    m.put("score", i.assessment().score());
    m.put("verdict", i.assessment().verdict().label());
    m.put("resembles", i.assessment().resembles().orElse(null));
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Reason r : i.assessment().reasons()) {
      reasons.add(Map.of("signal", r.signal(), "detail", r.detail(), "weight", r.weight()));
    }
    m.put("reasons", reasons);
    m.put("links", i.candidate().links());
    m.put("asksToDm", i.candidate().asksToDm());
    m.put("status", i.status().label());
    m.put("firstSeen", i.firstSeen().toString());
    m.put("lastSeen", i.lastSeen().toString());
    m.put("sightings", i.sightings());
    m.put("mentionId", i.example().mentionId());
    m.put("postUrl", i.example().url().orElse(null));
    m.put("postText", i.example().text());
    m.put("reviewedBy", i.reviewedBy().orElse(null));
    m.put("reviewedAt", i.reviewedAt().map(Object::toString).orElse(null));
    m.put("note", i.note().orElse(null));
    return m;
  }

  private static int number(String s, String what) {
    try {
      int v = Integer.parseInt(s.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number >= 0, was '" + s + "'");
    }
  }
}
