package dev.outpost.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Small JSON helpers shared by the connectors. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A non-blank text field, when present. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A text at a JSON pointer like {@code /record/text}. */
  public static Optional<String> at(JsonNode node, String pointer) {
    JsonNode v = node.at(pointer);
    if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** An ISO-8601 instant, when the field holds one. */
  public static Optional<Instant> instant(JsonNode node, String field) {
    return text(node, field)
        .flatMap(
            s -> {
              try {
                return Optional.of(Instant.parse(s));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * A time given as epoch seconds (a JSON number).
   *
   * @throws IllegalArgumentException when the field is missing, not a number, or outside years 1970
   *     to 9999
   */
  public static Instant epochSeconds(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !v.canConvertToLong()) {
      throw new IllegalArgumentException("'" + field + "' is not epoch seconds");
    }
    long s = v.asLong();
    if (s < 0 || s > 253_402_300_799L) {
      throw new IllegalArgumentException("'" + field + "' is out of range: " + s);
    }
    return Instant.ofEpochSecond(s);
  }

  public static long count(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.canConvertToLong() ? 0 : Math.max(0, v.asLong());
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    return node.toString();
  }
}
