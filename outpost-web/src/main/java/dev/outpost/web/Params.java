package dev.outpost.web;

import dev.outpost.core.Analytics;
import dev.outpost.core.Analytics.Filter;
import dev.outpost.core.Analytics.Interval;
import dev.outpost.core.Analytics.Span;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Topic;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query parameters of the pages and the API, validated: anything wrong is an {@link
 * IllegalArgumentException} whose message says which parameter and why (answered with 400).
 */
final class Params {
  private static final Pattern NETWORK = Pattern.compile("[a-z0-9_.-]{1,40}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*|und");
  static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");
  static final List<String> INTENTS =
      Arrays.stream(Enrichment.Intent.values()).map(Enrichment.Intent::label).toList();

  private final Context ctx;

  Params(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The dates and topics to count: {@code from} and {@code to} are inclusive UTC days (YYYY-MM-DD);
   * missing ones default to the first and last day with stored mentions.
   */
  Filter filter(Analytics analytics, List<Topic> known) {
    Optional<LocalDate> from = date("from");
    Optional<LocalDate> to = date("to");
    Optional<Span> data = from.isPresent() && to.isPresent() ? Optional.empty() : analytics.span();
    LocalDate first =
        from.orElseGet(
            () -> data.map(s -> day(s.from())).orElse(to.orElse(LocalDate.of(2015, 1, 1))));
    LocalDate last = to.orElseGet(() -> data.map(s -> day(s.to())).orElse(first));
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("to (" + last + ") is before from (" + first + ")");
    }
    return new Filter(
        new Span(
            first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
        topics(known));
  }

  private static LocalDate day(java.time.Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  Optional<LocalDate> date(String name) {
    return optional(name)
        .map(
            raw -> {
              try {
                return LocalDate.parse(raw);
              } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                    name + " must be a date as YYYY-MM-DD, was '" + raw + "'", e);
              }
            });
  }

  /** The {@code topic} parameters (repeatable or comma-separated); each must be a known topic. */
  List<String> topics(List<Topic> known) {
    Set<String> ids = known.stream().map(Topic::id).collect(Collectors.toSet());
    List<String> asked =
        ctx.queryParams("topic").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    for (String id : asked) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException(
            "topic '"
                + id
                + "' is not a known topic (known: "
                + String.join(", ", ids.stream().sorted().toList())
                + ")");
      }
    }
    return asked;
  }

  /** {@code interval}: hour, day, or auto (hours for ranges up to 14 days). */
  Interval interval(Filter filter) {
    String raw = optional("interval").orElse("auto").toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "hour" -> Interval.HOUR;
      case "day" -> Interval.DAY;
      case "auto" -> {
        Duration length = Duration.between(filter.span().from(), filter.span().to());
        yield length.compareTo(Duration.ofDays(14)) <= 0 ? Interval.HOUR : Interval.DAY;
      }
      default ->
          throw new IllegalArgumentException(
              "interval must be hour, day or auto, was '" + raw + "'");
    };
  }

  Analytics.AuthorOrder authorOrder() {
    String raw = optional("by").orElse("volume").toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "volume" -> Analytics.AuthorOrder.VOLUME;
      case "influence" -> Analytics.AuthorOrder.INFLUENCE;
      default ->
          throw new IllegalArgumentException("by must be volume or influence, was '" + raw + "'");
    };
  }

  Optional<String> choice(String name, List<String> allowed) {
    Optional<String> value = optional(name).map(v -> v.toLowerCase(Locale.ROOT));
    value.ifPresent(
        v -> {
          if (!allowed.contains(v)) {
            throw new IllegalArgumentException(
                name + " must be one of " + String.join(", ", allowed) + ", was '" + v + "'");
          }
        });
    return value;
  }

  Optional<String> network() {
    return matching("network", NETWORK, "lower-case letters, digits, '.', '_' or '-'");
  }

  Optional<String> language() {
    return matching("language", LANGUAGE, "a language tag such as en or pt-BR");
  }

  private Optional<String> matching(String name, Pattern pattern, String what) {
    Optional<String> value = optional(name);
    value.ifPresent(
        v -> {
          if (!pattern.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " must be " + what + ", was '" + v + "'");
          }
        });
    return value;
  }

  /** {@code q}: the search text, at most 500 characters. */
  String query() {
    String q = optional("q").orElse("");
    if (q.length() > 500) {
      throw new IllegalArgumentException("q must be at most 500 characters, was " + q.length());
    }
    return q;
  }

  int limit(int fallback, int max) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < 1 || value > max) {
        throw new IllegalArgumentException("limit must be between 1 and " + max + ", was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, was '" + raw + "'", e);
    }
  }

  /** {@code format}: json (default) or csv. */
  boolean csv() {
    return choice("format", List.of("json", "csv")).map("csv"::equals).orElse(false);
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
