package dev.outpost.connectors;

/**
 * A setting is missing or invalid. The message names the field and never contains a secret's value.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public ConfigException(String field, String message) {
    super("setting '" + field + "': " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
