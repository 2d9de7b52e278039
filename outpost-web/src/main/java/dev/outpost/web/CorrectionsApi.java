package dev.outpost.web;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.core.Permission;
import dev.outpost.core.corrections.Correction;
import dev.outpost.core.corrections.Corrections;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agents' corrections of a mention's sentiment and intents (issue 5): {@code POST
 * /api/v1/mentions/{id}/corrections} and {@code GET /api/v1/corrections} (JSON, or CSV with {@code
 * format=csv}: the file {@code outpost train sentiment --corrections-from} reads). Each correction
 * is audit-logged as {@code mention.correct}.
 */
public final class CorrectionsApi implements WebFeature {
  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "mention_id",
          "at",
          "actor",
          "sentiment",
          "intents",
          "previous_sentiment",
          "previous_intents",
          "text");
  private final Corrections corrections;
  private final Clock clock;

  public CorrectionsApi(Corrections corrections, Clock clock) {
    this.corrections = corrections;
    this.clock = clock;
  }

  /** The body of a correction: a sentiment, intents, or both. */
  record Body(String sentiment, List<String> intents) {}

  @Override
  public void register(Routes r) {
    r.post("/api/v1/mentions/{id}/corrections", Permission.REPLY, this::correct);
    r.get("/api/v1/corrections", Permission.VIEW, this::list);
  }

  private void correct(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the correction with Content-Type: application/json");
    }
    long mentionId = id(ctx.pathParam("id"), "mention id");
    Body body = ctx.bodyAsClass(Body.class);
    if (body == null) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    Correction.Change change =
        new Correction.Change(
            Optional.ofNullable(body.sentiment()).map(CorrectionsApi::sentiment),
            Optional.ofNullable(body.intents()).map(CorrectionsApi::intents));
    Optional<Correction> done =
        corrections.correct(mentionId, Principal.of(ctx).name(), clock.instant(), change);
    if (done.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no mention " + mentionId));
      return;
    }
    ctx.status(HttpStatus.CREATED).json(json(done.get()));
  }

  private void list(Context ctx) {
    Optional<Long> after =
        Optional.ofNullable(ctx.queryParam("after")).map(a -> id(a, "query parameter after"));
    int limit =
        Optional.ofNullable(ctx.queryParam("limit"))
            .map(l -> (int) Math.min(id(l, "query parameter limit"), Integer.MAX_VALUE))
            .orElse(1000);
    if (limit < 1 || limit > 100_000) {
      throw new IllegalArgumentException("limit must be between 1 and 100000, was " + limit);
    }
    List<Correction> found = corrections.list(after, limit);
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    switch (format) {
      case "json" -> ctx.json(found.stream().map(CorrectionsApi::json).toList());
      case "csv" -> {
        List<List<?>> rows = new ArrayList<>();
        for (Correction c : found) {
          rows.add(
              List.of(
                  c.id(),
                  c.mentionId(),
                  c.at().toString(),
                  c.actor(),
                  c.sentiment().map(Sentiment::label).orElse(""),
                  c.intents().map(i -> String.join(" ", Correction.Change.labels(i))).orElse(""),
                  c.previousSentiment().map(Sentiment::label).orElse(""),
                  String.join(" ", Correction.Change.labels(c.previousIntents())),
                  c.text()));
        }
        ctx.contentType("text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"corrections.csv\"")
            .result(Csv.write(CSV_HEADER, rows));
      }
      default ->
          throw new IllegalArgumentException("format must be json or csv, was '" + format + "'");
    }
  }

  private static Map<String, Object> json(Correction c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("mentionId", c.mentionId());
    m.put("at", c.at().toString());
    m.put("actor", c.actor());
    m.put("sentiment", c.sentiment().map(Sentiment::label).orElse(null));
    m.put("intents", c.intents().map(Correction.Change::labels).orElse(null));
    m.put("previousSentiment", c.previousSentiment().map(Sentiment::label).orElse(null));
    m.put("previousIntents", Correction.Change.labels(c.previousIntents()));
    m.put("text", c.text());
    return m;
  }

  private static long id(String s, String what) {
    try {
      long v = Long.parseLong(s.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number >= 0, was '" + s + "'");
    }
  }

  private static Sentiment sentiment(String s) {
    try {
      return Sentiment.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "sentiment must be negative, neutral or positive, was '" + s + "'");
    }
  }

  private static Set<Intent> intents(List<String> labels) {
    Set<Intent> out = EnumSet.noneOf(Intent.class);
    for (String l : labels) {
      try {
        out.add(Intent.valueOf(String.valueOf(l).strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "intent must be one of complaint, question, praise, outage, churn, purchase, spam,"
                + " other; was '"
                + l
                + "'");
      }
    }
    return out;
  }
}
