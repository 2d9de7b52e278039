package dev.outpost.web.accounts;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.Identity;
import dev.outpost.web.Authenticator;
import dev.outpost.web.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Requests come from an API token ({@code Authorization: Bearer opt_...}) or a browser session (the
 * {@code outpost_session} cookie); anything else is nobody.
 */
public final class SessionAuthenticator implements Authenticator {
  static final String SESSION_COOKIE = "outpost_session";
  static final String CSRF_COOKIE = "outpost_csrf";
  private final Accounts accounts;

  public SessionAuthenticator(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<Principal> authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    Optional<Identity> who;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      who = accounts.token(auth.substring(7).strip());
    } else {
      String session = ctx.cookie(SESSION_COOKIE);
      who = session == null || session.isBlank() ? Optional.empty() : accounts.session(session);
    }
    return who.map(i -> new Principal(i.name(), i.permissions(), i.csrfToken()));
  }
}
