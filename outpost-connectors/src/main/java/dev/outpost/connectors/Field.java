package dev.outpost.connectors;

import java.util.Objects;
import java.util.Optional;

/**
 * One typed setting of a connector.
 *
 * @param name the key in the {@code settings} map
 * @param type how the value is parsed and checked
 * @param required whether it must be given (a required field has no default)
 * @param defaultValue the value used when it is left out
 * @param secret whether it is a credential: its value never appears in toString, logs or errors
 * @param description one line for the docs and error messages
 */
public record Field(
    String name,
    Type type,
    boolean required,
    Optional<String> defaultValue,
    boolean secret,
    String description) {

  /** The kinds of values a field holds. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN,
    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}. */
    DURATION,
    /** An absolute http or https URL. */
    URL,
    /** A YAML list or a comma-separated string. */
    LIST
  }

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException("field " + name + ": a required field has no default");
    }
  }

  /** An optional field with a default. */
  public static Field optional(String name, Type type, String defaultValue, String description) {
    return new Field(name, type, false, Optional.of(defaultValue), false, description);
  }

  /** An optional field without a default. */
  public static Field optional(String name, Type type, String description) {
    return new Field(name, type, false, Optional.empty(), false, description);
  }

  /** A required field. */
  public static Field required(String name, Type type, String description) {
    return new Field(name, type, true, Optional.empty(), false, description);
  }

  /** A copy marked as a secret. */
  public Field asSecret() {
    return new Field(name, type, required, defaultValue, true, description);
  }
}
