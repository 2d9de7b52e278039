package dev.outpost.web.accounts;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.ApiToken;
import dev.outpost.accounts.NewToken;
import dev.outpost.accounts.Role;
import dev.outpost.accounts.SignIn;
import dev.outpost.accounts.User;
import dev.outpost.core.Permission;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.web.Principal;
import dev.outpost.web.Routes;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /login}, {@code /logout}, {@code /account}, {@code /admin} and {@code /admin/audit}. */
public final class AccountPages {
  private final Accounts accounts;
  private final AuditLog audit;
  private TemplateEngine templates;

  AccountPages(Accounts accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /** The sign-in page; {@code message} says why the last attempt failed. */
  public record LoginPage(String message) {}

  /** A person's own page: password change and API tokens. */
  public record AccountPage(
      String user,
      String role,
      String csrf,
      String message,
      String newSecret,
      List<ApiToken> tokens,
      List<String> permissions) {}

  /** Users and roles, for admins. */
  public record AdminPage(String csrf, String message, List<User> users, List<String> roles) {}

  /** The newest audit events, for admins. */
  public record AuditPage(List<AuditEvent> events) {}

  void register(Routes r) {
    this.templates = r.templates();
    r.publicGet("/login", ctx -> render(ctx, "accounts/login.jte", new LoginPage("")));
    r.publicPost("/login", this::signIn);
    r.post("/logout", Permission.VIEW, this::signOut);
    r.get("/account", Permission.VIEW, ctx -> account(ctx, "", null));
    r.post("/account/password", Permission.VIEW, this::changePassword);
    r.post("/account/tokens", Permission.VIEW, this::createToken);
    r.post("/account/tokens/{id}/revoke", Permission.VIEW, this::revokeToken);
    r.get("/admin", Permission.ADMIN, ctx -> admin(ctx, ""));
    r.post("/admin/users", Permission.ADMIN, this::createUser);
    r.post("/admin/users/{name}", Permission.ADMIN, this::changeUser);
    r.get(
        "/admin/audit",
        Permission.ADMIN,
        ctx ->
            render(
                ctx,
                "accounts/audit.jte",
                new AuditPage(
                    audit.recent(Optional.empty(), Optional.empty(), Optional.empty(), 200))));
  }

  private void signIn(Context ctx) {
    String name = ctx.formParam("name");
    String password = ctx.formParam("password");
    SignIn result =
        accounts.signIn(
            name == null ? "" : name.strip(), password == null ? "" : password, ctx.ip());
    switch (result) {
      case SignIn.Ok ok -> {
        Cookies.signIn(
            ctx,
            ok.sessionId(),
            ok.identity().csrfToken().orElseThrow(),
            accounts.settings().absoluteTimeout().toSeconds());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
      }
      case SignIn.Refused refused -> {
        ctx.status(HttpStatus.UNAUTHORIZED);
        render(ctx, "accounts/login.jte", new LoginPage("Wrong name or password."));
      }
      case SignIn.Throttled t -> {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        render(
            ctx,
            "accounts/login.jte",
            new LoginPage("Too many failed attempts. Try again after " + t.until() + "."));
      }
    }
  }

  private void signOut(Context ctx) {
    String session = ctx.cookie(SessionAuthenticator.SESSION_COOKIE);
    if (session != null && !session.isBlank()) {
      accounts.signOut(session);
    }
    Cookies.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void account(Context ctx, String message, String newSecret) {
    Principal p = Principal.of(ctx);
    String role = accounts.user(p.name()).map(u -> u.role().label()).orElse("token");
    List<ApiToken> tokens =
        p.name().startsWith("token:") ? List.of() : accounts.tokens(Optional.of(p.name()));
    render(
        ctx,
        "accounts/account.jte",
        new AccountPage(
            p.name(),
            role,
            p.csrfToken().orElse(""),
            message,
            newSecret,
            tokens,
            p.permissions().stream().sorted().map(AccountsApi::label).toList()));
  }

  private void changePassword(Context ctx) {
    String user = AccountsApi.person(ctx);
    String current = ctx.formParam("current");
    String next = ctx.formParam("password");
    if (!(accounts.signIn(user, current == null ? "" : current, ctx.ip())
        instanceof SignIn.Ok ok)) {
      ctx.status(HttpStatus.BAD_REQUEST);
      account(ctx, "The current password is wrong.", null);
      return;
    }
    accounts.signOut(ok.sessionId());
    try {
      accounts.setPassword(user, next, user); // ends every session, this one included
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      account(ctx, e.getMessage(), null);
      return;
    }
    Cookies.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void createToken(Context ctx) {
    try {
      NewToken t =
          accounts.createToken(
              AccountsApi.person(ctx),
              ctx.formParam("name"),
              AccountsApi.permissions(ctx.formParams("permission")),
              AccountsApi.actor(ctx));
      account(ctx, "Token created. Copy it now: it is not shown again.", t.secret());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      account(ctx, e.getMessage(), null);
    }
  }

  private void revokeToken(Context ctx) {
    try {
      accounts.revokeToken(
          Long.parseLong(ctx.pathParam("id")),
          AccountsApi.person(ctx),
          Principal.of(ctx).may(Permission.ADMIN));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      account(ctx, e.getMessage(), null);
      return;
    }
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  private void admin(Context ctx, String message) {
    render(
        ctx,
        "accounts/admin.jte",
        new AdminPage(
            Principal.of(ctx).csrfToken().orElse(""),
            message,
            accounts.users(),
            Arrays.stream(Role.values()).map(Role::label).toList()));
  }

  private void createUser(Context ctx) {
    try {
      accounts.createUser(
          ctx.formParam("name"),
          Role.parse(ctx.formParam("role")),
          ctx.formParam("password"),
          AccountsApi.actor(ctx));
      ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      admin(ctx, e.getMessage());
    }
  }

  private void changeUser(Context ctx) {
    String name = ctx.pathParam("name");
    String actor = AccountsApi.actor(ctx);
    try {
      String role = ctx.formParam("role");
      if (role != null && !role.isBlank()) {
        accounts.setRole(name, Role.parse(role), actor);
      }
      String disabled = ctx.formParam("disabled");
      if (disabled != null) {
        if (disabled.equals("true") && name.equals(actor)) {
          throw new IllegalArgumentException("you cannot disable your own account");
        }
        accounts.setDisabled(name, disabled.equals("true"), actor);
      }
      ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      admin(ctx, e.getMessage());
    }
  }

  private void render(Context ctx, String template, Object page) {
    StringOutput out = new StringOutput();
    templates.render(template, page, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
