package dev.outpost.accounts;

import dev.outpost.core.Permission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Reading API tokens and their permission lists ({@code view,reply}). */
final class Tokens {
  private Tokens() {}

  static String format(Set<Permission> scope) {
    return scope.stream()
        .sorted()
        .map(p -> p.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }

  static Set<Permission> parse(String text) {
    EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
    Arrays.stream(text.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> out.add(Permission.valueOf(s.strip().toUpperCase(Locale.ROOT))));
    return out;
  }

  static List<ApiToken> list(DataSource db, Optional<String> user) {
    String sql =
        "SELECT id, user_name, name, permissions, created_at, last_used, revoked FROM api_tokens"
            + (user.isPresent() ? " WHERE user_name = ?" : "")
            + " ORDER BY id DESC";
    Object[] params = user.isPresent() ? new Object[] {user.get()} : new Object[0];
    return Sql.all(db, sql, params).stream()
        .map(
            r ->
                new ApiToken(
                    r.longValue(0),
                    r.string(1),
                    r.string(2),
                    parse(r.string(3)),
                    r.instant(4),
                    Optional.ofNullable(r.instant(5)),
                    r.bool(6)))
        .toList();
  }
}
