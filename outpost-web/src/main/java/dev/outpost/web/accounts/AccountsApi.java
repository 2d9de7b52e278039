package dev.outpost.web.accounts;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.ApiToken;
import dev.outpost.accounts.NewToken;
import dev.outpost.accounts.Role;
import dev.outpost.accounts.Secrets;
import dev.outpost.accounts.User;
import dev.outpost.core.Permission;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.web.Principal;
import dev.outpost.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/users}, {@code /api/v1/tokens}, {@code /api/v1/secrets}, {@code /api/v1/audit}.
 */
final class AccountsApi {
  private final Accounts accounts;
  private final Secrets secrets;
  private final AuditLog audit;

  AccountsApi(Accounts accounts, Secrets secrets, AuditLog audit) {
    this.accounts = accounts;
    this.secrets = secrets;
    this.audit = audit;
  }

  record UserBody(String name, String role, String password, Boolean disabled) {}

  record TokenBody(String name, List<String> permissions) {}

  record SecretBody(String value) {}

  record UserView(String name, String role, boolean disabled, Instant createdAt) {
    static UserView of(User u) {
      return new UserView(u.name(), u.role().label(), u.disabled(), u.createdAt());
    }
  }

  record TokenView(
      long id,
      String user,
      String name,
      List<String> permissions,
      Instant createdAt,
      Instant lastUsed,
      boolean revoked) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id(),
          t.user(),
          t.name(),
          t.permissions().stream().sorted().map(AccountsApi::label).toList(),
          t.createdAt(),
          t.lastUsed().orElse(null),
          t.revoked());
    }
  }

  void register(Routes r) {
    r.get("/api/v1/users", Permission.ADMIN, ctx -> ctx.json(users()));
    r.post("/api/v1/users", Permission.ADMIN, this::createUser);
    r.patch("/api/v1/users/{name}", Permission.ADMIN, this::changeUser);
    r.get("/api/v1/tokens", Permission.VIEW, this::tokens);
    r.post("/api/v1/tokens", Permission.VIEW, this::createToken);
    r.delete("/api/v1/tokens/{id}", Permission.VIEW, this::revokeToken);
    r.get("/api/v1/secrets", Permission.ADMIN, ctx -> ctx.json(Map.of("names", secrets.names())));
    r.put("/api/v1/secrets/{name}", Permission.ADMIN, this::setSecret);
    r.delete("/api/v1/secrets/{name}", Permission.ADMIN, this::deleteSecret);
    r.get("/api/v1/audit", Permission.ADMIN, this::audit);
  }

  private List<UserView> users() {
    return accounts.users().stream().map(UserView::of).toList();
  }

  private void createUser(Context ctx) {
    UserBody b = ctx.bodyAsClass(UserBody.class);
    User u = accounts.createUser(b.name(), Role.parse(b.role()), b.password(), actor(ctx));
    ctx.status(HttpStatus.CREATED).json(UserView.of(u));
  }

  private void changeUser(Context ctx) {
    String name = ctx.pathParam("name");
    UserBody b = ctx.bodyAsClass(UserBody.class);
    if (b.role() != null) {
      accounts.setRole(name, Role.parse(b.role()), actor(ctx));
    }
    if (b.disabled() != null) {
      if (b.disabled() && name.equals(actor(ctx))) {
        throw new IllegalArgumentException("you cannot disable your own account");
      }
      accounts.setDisabled(name, b.disabled(), actor(ctx));
    }
    if (b.password() != null) {
      accounts.setPassword(name, b.password(), actor(ctx));
    }
    ctx.json(UserView.of(accounts.user(name).orElseThrow()));
  }

  private void tokens(Context ctx) {
    boolean all = "true".equals(ctx.queryParam("all"));
    if (all && !Principal.of(ctx).may(Permission.ADMIN)) {
      throw new ForbiddenResponse("only admins may list everyone's tokens");
    }
    ctx.json(
        accounts.tokens(all ? Optional.empty() : Optional.of(person(ctx))).stream()
            .map(TokenView::of)
            .toList());
  }

  private void createToken(Context ctx) {
    TokenBody b = ctx.bodyAsClass(TokenBody.class);
    NewToken t =
        accounts.createToken(person(ctx), b.name(), permissions(b.permissions()), actor(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", TokenView.of(t.token()));
    body.put("secret", t.secret());
    body.put("note", "the secret is shown only now; send it as Authorization: Bearer <secret>");
    ctx.status(HttpStatus.CREATED).json(body);
  }

  private void revokeToken(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("token id must be a number", e);
    }
    accounts.revokeToken(id, person(ctx), Principal.of(ctx).may(Permission.ADMIN));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void setSecret(Context ctx) {
    SecretBody b = ctx.bodyAsClass(SecretBody.class);
    secrets.set(ctx.pathParam("name"), b.value(), actor(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void deleteSecret(Context ctx) {
    boolean gone = secrets.delete(ctx.pathParam("name"), actor(ctx));
    ctx.status(gone ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND);
  }

  private void audit(Context ctx) {
    int limit = 100;
    String raw = ctx.queryParam("limit");
    if (raw != null) {
      try {
        limit = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a whole number", e);
      }
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
      }
    }
    List<AuditEvent> events =
        audit.recent(
            Optional.ofNullable(ctx.queryParam("actor")).filter(s -> !s.isBlank()),
            Optional.ofNullable(ctx.queryParam("action")).filter(s -> !s.isBlank()),
            Optional.ofNullable(ctx.queryParam("before")).map(Instant::parse),
            limit);
    ctx.json(events);
  }

  static EnumSet<Permission> permissions(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("permissions are required, for example [\"view\"]");
    }
    EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
    for (String n : names) {
      try {
        out.add(Permission.valueOf(n.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown permission '" + n + "'", e);
      }
    }
    return out;
  }

  static String label(Permission p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String actor(Context ctx) {
    return Principal.of(ctx).name();
  }

  /** The signed-in person; API tokens may not manage tokens. */
  static String person(Context ctx) {
    String name = Principal.of(ctx).name();
    if (name.startsWith("token:")) {
      throw new IllegalArgumentException(
          "API tokens cannot manage tokens or passwords: sign in as a person");
    }
    return name;
  }
}
