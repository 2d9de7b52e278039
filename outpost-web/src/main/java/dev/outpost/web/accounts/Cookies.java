package dev.outpost.web.accounts;

import io.javalin.http.Context;
import java.util.Locale;

/** The session and CSRF cookies: {@code SameSite=Lax}, {@code Secure} when served over https. */
final class Cookies {
  private Cookies() {}

  static boolean https(Context ctx) {
    String proto = ctx.header("X-Forwarded-Proto");
    return ctx.scheme().equals("https")
        || (proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https"));
  }

  /** Sets the session cookie (HttpOnly) and the CSRF cookie (readable by csrf.js). */
  static void signIn(Context ctx, String sessionId, String csrf, long maxAgeSeconds) {
    set(ctx, SessionAuthenticator.SESSION_COOKIE, sessionId, maxAgeSeconds, true);
    set(ctx, SessionAuthenticator.CSRF_COOKIE, csrf, maxAgeSeconds, false);
  }

  static void signOut(Context ctx) {
    set(ctx, SessionAuthenticator.SESSION_COOKIE, "", 0, true);
    set(ctx, SessionAuthenticator.CSRF_COOKIE, "", 0, false);
  }

  private static void set(Context ctx, String name, String value, long maxAge, boolean httpOnly) {
    StringBuilder c = new StringBuilder();
    c.append(name).append('=').append(value).append("; Path=/; Max-Age=").append(maxAge);
    c.append("; SameSite=Lax");
    if (httpOnly) {
      c.append("; HttpOnly");
    }
    if (https(ctx)) {
      c.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", c.toString());
  }
}
