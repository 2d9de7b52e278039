package dev.outpost.web;

import dev.outpost.core.MentionTags;
import dev.outpost.core.Permission;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tagging mentions, one or many at once (the stream's bulk actions): {@code POST
 * /api/v1/mentions/tags} adds and removes tags, {@code GET /api/v1/mentions/tags?ids=} reads them,
 * {@code GET /api/v1/tags} lists the tags in use. Changes need a JSON body, which browsers never
 * send across origins without a CORS preflight that Outpost does not grant.
 */
final class TagsApi {
  private final MentionTags tags;

  TagsApi(MentionTags tags) {
    this.tags = tags;
  }

  /** The request body of a bulk change. */
  record Change(List<Long> ids, List<String> add, List<String> remove) {}

  void register(Routes r) {
    r.post("/api/v1/mentions/tags", Permission.REPLY, this::change);
    r.get("/api/v1/mentions/tags", Permission.VIEW, this::read);
    r.get("/api/v1/tags", Permission.VIEW, ctx -> ctx.json(Map.of("tags", tags.counts())));
  }

  private void change(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new IllegalArgumentException("send the request with Content-Type: application/json");
    }
    Change c = ctx.bodyAsClass(Change.class);
    if (c.ids() == null || c.ids().isEmpty()) {
      throw new IllegalArgumentException("ids: give the ids of the mentions to change");
    }
    if (c.ids().stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("ids: an id is null");
    }
    int changed =
        tags.change(
            c.ids(),
            c.add() == null ? List.of() : c.add(),
            c.remove() == null ? List.of() : c.remove(),
            Principal.of(ctx).name());
    ctx.json(Map.of("mentions", changed, "tags", keyed(tags.tagsOf(c.ids()))));
  }

  private void read(Context ctx) {
    String raw = ctx.queryParam("ids");
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("query parameter ids is required (comma-separated)");
    }
    List<Long> ids = new ArrayList<>();
    for (String part : raw.split(",")) {
      try {
        ids.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ids: '" + part.strip() + "' is not a mention id", e);
      }
    }
    if (ids.size() > MentionTags.MAX_BULK) {
      throw new IllegalArgumentException("ids: at most " + MentionTags.MAX_BULK + " at once");
    }
    ctx.json(Map.of("tags", keyed(tags.tagsOf(ids))));
  }

  private static Map<String, List<String>> keyed(Map<Long, List<String>> byId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    byId.forEach((id, t) -> out.put(String.valueOf(id), t));
    return out;
  }
}
