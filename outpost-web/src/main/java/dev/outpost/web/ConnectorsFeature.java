package dev.outpost.web;

import dev.outpost.core.Permission;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The connectors' health: {@code GET /api/v1/connectors} (JSON) and the {@code /connectors} page,
 * both for anyone who may view.
 */
public final class ConnectorsFeature implements WebFeature {
  private final Supplier<List<ConnectorStatus>> statuses;

  public ConnectorsFeature(Supplier<List<ConnectorStatus>> statuses) {
    this.statuses = Objects.requireNonNull(statuses, "statuses");
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/v1/connectors", Permission.VIEW, this::api);
    routes.get(
        "/connectors",
        Permission.VIEW,
        ctx -> {
          StringOutput out = new StringOutput();
          routes.templates().render("connectors.jte", statuses.get(), out);
          ctx.html(out.toString());
        });
  }

  private void api(Context ctx) {
    ctx.json(statuses.get().stream().map(ConnectorsFeature::json).toList());
  }

  private static Map<String, Object> json(ConnectorStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("type", s.type());
    m.put("capabilities", s.capabilities());
    m.put("state", s.state());
    m.put("lastSuccess", time(s.lastSuccess()));
    m.put("lastPost", time(s.lastPost()));
    m.put("lagSeconds", number(s.lagSeconds()));
    m.put("errors", s.errors());
    m.put("lastError", s.lastError().orElse(null));
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("remaining", number(s.rateLimitRemaining()));
    rate.put("reset", time(s.rateLimitReset()));
    m.put("rateLimit", rate);
    return m;
  }

  private static String time(Optional<Instant> t) {
    return t.map(Instant::toString).orElse(null);
  }

  private static Long number(OptionalLong n) {
    return n.isPresent() ? n.getAsLong() : null;
  }
}
