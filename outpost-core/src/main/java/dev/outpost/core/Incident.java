package dev.outpost.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Many different authors describing the same problem in a short time, as clustered by the incident
 * detector. Immutable snapshot; the detector publishes a new one as the incident grows.
 *
 * @param id stable id of the incident (its alert thread id)
 * @param name a short name made of its top terms, for example {@code cancelled / flight / dfw}
 * @param terms the top terms, most characteristic first
 * @param openedAt stream time of its first post
 * @param lastSeenAt stream time of its latest post
 * @param size number of posts in it
 * @param authors the distinct authors (network:handle), at most a few hundred kept
 * @param samples a few post texts, earliest first
 * @param timeline posts per hour, oldest hour first
 * @param status open while posts keep coming, closed after a quiet period
 */
public record Incident(
    String id,
    String name,
    List<String> terms,
    Instant openedAt,
    Instant lastSeenAt,
    int size,
    Set<String> authors,
    List<String> samples,
    List<TimelinePoint> timeline,
    Status status) {

  /** Whether posts are still joining. */
  public enum Status {
    OPEN,
    CLOSED
  }

  /** Posts that joined during the hour starting at {@code hour}. */
  public record TimelinePoint(Instant hour, int posts) {
    public TimelinePoint {
      Objects.requireNonNull(hour, "timeline hour");
      if (posts < 0) {
        throw new IllegalArgumentException("timeline posts must be >= 0, was " + posts);
      }
    }
  }

  public Incident {
    Validate.notBlank("incident id", id);
    Validate.maxLength("incident name", Validate.notBlank("incident name", name), 500);
    terms = List.copyOf(terms);
    Objects.requireNonNull(openedAt, "incident openedAt");
    Objects.requireNonNull(lastSeenAt, "incident lastSeenAt");
    if (lastSeenAt.isBefore(openedAt)) {
      throw new IllegalArgumentException("incident lastSeenAt is before openedAt");
    }
    if (size < 1) {
      throw new IllegalArgumentException("incident size must be >= 1, was " + size);
    }
    authors = Set.copyOf(authors);
    samples = List.copyOf(samples);
    timeline = List.copyOf(timeline);
    Objects.requireNonNull(status, "incident status");
  }
}
