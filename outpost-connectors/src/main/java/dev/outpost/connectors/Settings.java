package dev.outpost.connectors;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validated settings of one connection: every value parsed to its field's type, defaults filled in.
 * {@link #toString} shows secrets as {@code ***}.
 */
public final class Settings {
  private static final Pattern SHORT_DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  private final Map<String, Field> fields;
  private final Map<String, Object> values;

  private Settings(Map<String, Field> fields, Map<String, Object> values) {
    this.fields = fields;
    this.values = values;
  }

  /**
   * Checks raw values (from YAML or code) against the fields.
   *
   * @throws ConfigException naming the first field at fault
   */
  public static Settings parse(List<Field> fields, Map<String, ?> raw) {
    Map<String, Field> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    for (String key : raw.keySet()) {
      if (!byName.containsKey(key)) {
        throw new ConfigException(key, "unknown setting (known: " + byName.keySet() + ")");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : fields) {
      Object v = raw.get(f.name());
      if (v == null || (v instanceof String s && s.isBlank())) {
        if (f.required()) {
          throw new ConfigException(f.name(), "is required (" + f.description() + ")");
        }
        if (f.defaultValue().isEmpty()) {
          continue;
        }
        v = f.defaultValue().get();
      }
      values.put(f.name(), convert(f, v));
    }
    return new Settings(byName, values);
  }

  private static Object convert(Field f, Object v) {
    String shown = f.secret() ? "***" : String.valueOf(v);
    switch (f.type()) {
      case STRING -> {
        if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
          throw new ConfigException(f.name(), "must be a single value");
        }
        String s = String.valueOf(v).strip();
        return f.secret() ? new Secret(s) : s;
      }
      case INTEGER -> {
        try {
          return Long.parseLong(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
          throw new ConfigException(f.name(), "must be a whole number, was '" + shown + "'");
        }
      }
      case BOOLEAN -> {
        String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
          throw new ConfigException(f.name(), "must be true or false, was '" + shown + "'");
        }
        return Boolean.parseBoolean(s);
      }
      case DURATION -> {
        return duration(f, String.valueOf(v).strip(), shown);
      }
      case URL -> {
        String s = String.valueOf(v).strip();
        try {
          URI u = new URI(s);
          if (u.getScheme() == null
              || !List.of("http", "https", "ws", "wss").contains(u.getScheme())
              || u.getHost() == null) {
            throw new ConfigException(
                f.name(), "must be an http(s) or ws(s) URL, was '" + shown + "'");
          }
          return u;
        } catch (URISyntaxException e) {
          throw new ConfigException(
              f.name(), "must be an http(s) or ws(s) URL, was '" + shown + "'");
        }
      }
      case LIST -> {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
          c.forEach(x -> out.add(String.valueOf(x).strip()));
        } else {
          for (String part : String.valueOf(v).split(",")) {
            out.add(part.strip());
          }
        }
        out.removeIf(String::isEmpty);
        return List.copyOf(out);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static Duration duration(Field f, String s, String shown) {
    Matcher m = SHORT_DURATION.matcher(s);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ConfigException(
          f.name(), "must be a duration like 500ms, 30s, 5m or PT30S, was '" + shown + "'");
    }
  }

  private Object value(String name, Field.Type type) {
    Field f = fields.get(name);
    if (f == null || f.type() != type) {
      throw new IllegalArgumentException("no " + type + " field named " + name);
    }
    return values.get(name);
  }

  public Optional<String> string(String name) {
    Object v = value(name, Field.Type.STRING);
    return v instanceof Secret s ? Optional.of(s.reveal()) : Optional.ofNullable((String) v);
  }

  public Optional<Secret> secret(String name) {
    Object v = value(name, Field.Type.STRING);
    return v instanceof Secret s
        ? Optional.of(s)
        : Optional.ofNullable((String) v).map(Secret::new);
  }

  public long integer(String name) {
    Object v = value(name, Field.Type.INTEGER);
    if (v == null) {
      throw new IllegalStateException("integer field " + name + " has no value");
    }
    return (Long) v;
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(value(name, Field.Type.BOOLEAN));
  }

  public Duration duration(String name) {
    Object v = value(name, Field.Type.DURATION);
    if (v == null) {
      throw new IllegalStateException("duration field " + name + " has no value");
    }
    return (Duration) v;
  }

  public Optional<URI> url(String name) {
    return Optional.ofNullable((URI) value(name, Field.Type.URL));
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    Object v = value(name, Field.Type.LIST);
    return v == null ? List.of() : (List<String>) v;
  }

  /** A required string; fails naming the field when absent. */
  public String require(String name) {
    return string(name).orElseThrow(() -> new ConfigException(name, "is required"));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Settings[");
    String sep = "";
    for (var e : values.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=');
      sb.append(fields.get(e.getKey()).secret() ? "***" : e.getValue());
      sep = ", ";
    }
    return sb.append(']').toString();
  }
}
