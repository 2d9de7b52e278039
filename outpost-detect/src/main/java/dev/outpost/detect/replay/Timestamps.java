package dev.outpost.detect.replay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the timestamp formats found in exported social data: ISO-8601 with an offset or {@code Z},
 * ISO-8601 without offset (read as UTC), the Twitter API format {@code Thu Jun 20 03:56:19 +0000
 * 2013}, {@code 2015-02-24 11:35:52 -0800}, and epoch seconds or milliseconds.
 */
final class Timestamps {
  private static final List<DateTimeFormatter> WITH_OFFSET =
      List.of(
          DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT),
          DateTimeFormatter.ISO_OFFSET_DATE_TIME);

  private Timestamps() {}

  static Optional<Instant> parse(String raw) {
    String s = raw.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.chars().allMatch(Character::isDigit) && s.length() <= 13) {
      long v = Long.parseLong(s);
      return Optional.of(s.length() > 11 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v));
    }
    if (s.endsWith("Z") || s.endsWith("z")) {
      try {
        return Optional.of(Instant.parse(s.substring(0, s.length() - 1).replace(' ', 'T') + "Z"));
      } catch (DateTimeParseException e) {
        // try the other formats
      }
    }
    for (DateTimeFormatter f : WITH_OFFSET) {
      try {
        return Optional.of(OffsetDateTime.parse(s, f).toInstant());
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    try {
      return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
