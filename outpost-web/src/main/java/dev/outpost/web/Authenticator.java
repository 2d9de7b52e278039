package dev.outpost.web;

import dev.outpost.core.Permission;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Says who a request comes from (a session cookie, an API token...), or nobody. The server checks
 * the route's permission against the answer in one place, for pages and API alike.
 */
@FunctionalInterface
public interface Authenticator {
  Optional<Principal> authenticate(Context ctx);

  /**
   * Everyone is {@code local} with every permission: only for a server bound to a loopback address
   * on a developer's machine, and for tests of pages that are not about access.
   */
  Authenticator LOCAL_ONLY =
      ctx -> Optional.of(new Principal("local", EnumSet.allOf(Permission.class)));
}
