package dev.outpost.accounts;

import dev.outpost.core.Permission;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request comes from once its session or API token checked out.
 *
 * @param name the user's name, or {@code token:NAME} for an API token (what the audit log records)
 * @param csrfToken the session's anti-forgery token; empty for API tokens, which need none
 */
public record Identity(String name, Set<Permission> permissions, Optional<String> csrfToken) {
  public Identity {
    permissions = Set.copyOf(permissions);
  }
}
