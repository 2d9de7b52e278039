package dev.outpost.web;

import dev.outpost.core.Permission;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Who may do what, decided in one place for every route: the security headers on every answer, then
 * the route's declared access against the request's principal, and the CSRF token of a browser
 * session's changes.
 */
final class AccessControl {
  private AccessControl() {}

  /**
   * The one place access is decided: a public route passes; any other needs a principal (401
   * otherwise) holding the route's permission (403 otherwise).
   */
  static void check(Context ctx, Authenticator authenticator) {
    if (ctx.routeRoles().isEmpty() && ctx.path().startsWith("/static/")) {
      return; // the bundled scripts, styles and images are public
    }
    Routes.Access access =
        ctx.routeRoles().stream()
            .filter(Routes.Access.class::isInstance)
            .map(Routes.Access.class::cast)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "route " + ctx.endpointHandlerPath() + " declares no access"));
    Optional<Principal> who = authenticator.authenticate(ctx);
    who.ifPresent(p -> ctx.attribute(Principal.ATTRIBUTE, p));
    if (access instanceof Routes.Needs(Permission needed)) {
      if (who.isEmpty()) {
        if (ctx.method() == io.javalin.http.HandlerType.GET && !ctx.path().startsWith("/api/")) {
          ctx.redirect("/login", HttpStatus.SEE_OTHER); // a person, not a script: sign in first
          ctx.skipRemainingHandlers();
          return;
        }
        throw new io.javalin.http.UnauthorizedResponse("sign in first");
      }
      checkCsrf(ctx, who.get());
      if (!who.get().may(needed)) {
        throw new io.javalin.http.ForbiddenResponse(
            "your role may not do this (needs "
                + needed.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
      }
    }
  }

  /**
   * A state-changing request from a browser session must carry the session's token, as the {@code
   * X-CSRF-Token} header or the {@code _csrf} form field; API tokens and local use need none.
   */
  private static void checkCsrf(Context ctx, Principal who) {
    if (who.csrfToken().isEmpty()
        || SAFE_METHODS.contains(ctx.method())
        || ctx.method() == io.javalin.http.HandlerType.HEAD) {
      return;
    }
    String sent = ctx.header(WebServer.CSRF_HEADER);
    if (sent == null) {
      String type = ctx.contentType();
      if (type != null
          && (type.startsWith("application/x-www-form-urlencoded")
              || type.startsWith("multipart/form-data"))) {
        sent = ctx.formParam(WebServer.CSRF_FIELD);
      }
    }
    if (sent == null
        || !java.security.MessageDigest.isEqual(
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            who.csrfToken().get().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new io.javalin.http.ForbiddenResponse(
          "missing or wrong CSRF token: reload the page and try again");
    }
  }

  private static final java.util.Set<io.javalin.http.HandlerType> SAFE_METHODS =
      java.util.EnumSet.of(io.javalin.http.HandlerType.GET, io.javalin.http.HandlerType.OPTIONS);

  static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", WebServer.CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }
}
