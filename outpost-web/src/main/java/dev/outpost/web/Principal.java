package dev.outpost.web;

import dev.outpost.core.Permission;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request and what they may do: a person signed in, or an API token ({@code
 * token:NAME}). Handlers read it with {@link #of(Context)}; it is what the audit log records as the
 * actor.
 */
public record Principal(
    String name, Set<Permission> permissions, java.util.Optional<String> csrfToken) {
  static final String ATTRIBUTE = "outpost.principal";

  /**
   * @param csrfToken the session's anti-forgery token, which every state-changing request from the
   *     session must carry; empty for API tokens and local use, which need none
   */
  public Principal {
    Objects.requireNonNull(name, "name");
    permissions = Set.copyOf(permissions);
    Objects.requireNonNull(csrfToken, "csrfToken");
  }

  /** A principal that needs no CSRF token (an API token, local use). */
  public Principal(String name, Set<Permission> permissions) {
    this(name, permissions, java.util.Optional.empty());
  }

  public boolean may(Permission p) {
    return permissions.contains(p);
  }

  /**
   * The principal of a request to a route that needs a permission (the access check put it there).
   *
   * @throws IllegalStateException on a public route where nobody signed in
   */
  public static Principal of(Context ctx) {
    Principal p = ctx.attribute(ATTRIBUTE);
    if (p == null) {
      throw new IllegalStateException("no principal on " + ctx.path() + ": a public route");
    }
    return p;
  }

  /** The principal when someone is signed in, on any route. */
  public static java.util.Optional<Principal> find(Context ctx) {
    return java.util.Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}
