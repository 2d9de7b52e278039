package dev.outpost.accounts;

import static dev.outpost.core.Permission.*;

import dev.outpost.core.Permission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person may do, as a set of {@link Permission}s. Each role includes everything of the roles
 * before it except where noted; {@code docs/security.md} has the table.
 */
public enum Role {
  /** Reads dashboards, mentions and topics; authors are masked. */
  READ_ONLY(EnumSet.of(VIEW)),
  /** Also sees authors' personal data and edits saved queries. */
  ANALYST(EnumSet.of(VIEW, VIEW_PERSONAL_DATA, EDIT_QUERIES)),
  /** Works cases and replies in the brand's name; handles alerts. */
  AGENT(EnumSet.of(VIEW, VIEW_PERSONAL_DATA, REPLY, MANAGE_ALERTS)),
  /** An agent who also approves, broadcasts, edits queries and manages connectors. */
  MANAGER(EnumSet.complementOf(EnumSet.of(Permission.ADMIN))),
  /** Everything, including users, tokens, secrets and the audit log. */
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(EnumSet<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  /** The role's name as written in the UI, API and CLI: {@code read-only}, {@code agent}... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a role name ({@code read-only}, {@code analyst}, {@code agent}, {@code manager}, {@code
   * admin}; case and {@code _}/{@code -} do not matter).
   *
   * @throws IllegalArgumentException naming the accepted roles
   */
  public static Role parse(String text) {
    String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Role r : values()) {
      if (r.name().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "role must be one of "
            + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
