package dev.outpost.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON on the wire: posts, topics, mentions and alerts are the core records as they are, so a
 * record seen by another worker is equal to the one sent. Unknown fields are ignored, so workers of
 * a newer version may add some during a rolling upgrade.
 */
final class Codec {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private Codec() {}

  static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException when the bytes are not a valid record of that type
   */
  static <T> T read(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (java.io.IOException | RuntimeException e) {
      // The bytes themselves are not quoted: they may hold personal data.
      throw new IllegalArgumentException(
          "not a valid " + type.getSimpleName() + " (" + bytes.length + " bytes)", e);
    }
  }
}
