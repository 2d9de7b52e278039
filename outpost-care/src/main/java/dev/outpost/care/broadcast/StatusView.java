package dev.outpost.care.broadcast;

import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the public status page shows: each component's state, the incidents still open and the
 * resolved ones, with their published messages (newest first). Drafts never show.
 *
 * @param state the worst state of any component ({@code operational} when all are)
 * @param updatedAt the latest published message, if any
 */
public record StatusView(
    String state,
    List<ComponentState> components,
    List<IncidentView> active,
    List<IncidentView> past,
    Optional<Instant> updatedAt) {

  /** A component and its state: {@code operational} or the worst open incident's impact. */
  public record ComponentState(String name, String state) {}

  /** A published broadcast as the public sees it. */
  public record IncidentView(
      long id,
      String title,
      String impact,
      List<String> components,
      Instant startedAt,
      Optional<Instant> resolvedAt,
      List<Update> updates) {}

  /** A published message; {@code seq} is its place in the broadcast. */
  public record Update(int seq, String kind, String body, Instant at) {}

  static final String OPERATIONAL = "operational";

  static StatusView of(List<String> components, List<Broadcast> broadcasts) {
    List<IncidentView> active = new ArrayList<>();
    List<IncidentView> past = new ArrayList<>();
    Instant updated = null;
    for (Broadcast b : broadcasts) {
      List<Update> updates = new ArrayList<>();
      for (Broadcast.Message m : b.messages()) {
        if (m.publishedAt().isPresent()) {
          Instant at = m.publishedAt().get();
          updates.add(
              new Update(
                  m.seq(), m.kind().name().toLowerCase(java.util.Locale.ROOT), m.body(), at));
          updated = updated == null || at.isAfter(updated) ? at : updated;
        }
      }
      if (updates.isEmpty()) {
        continue;
      }
      updates.sort(Comparator.comparing(Update::at).reversed());
      IncidentView v =
          new IncidentView(
              b.id(),
              b.title(),
              b.impact().label(),
              b.components(),
              updates.getLast().at(),
              b.resolvedAt(),
              List.copyOf(updates));
      (b.resolved() ? past : active).add(v);
    }
    List<ComponentState> states = new ArrayList<>();
    Impact worstOverall = null;
    for (String c : components) {
      Impact worst = null;
      for (Broadcast b : broadcasts) {
        if (b.published() && !b.resolved() && b.components().contains(c)) {
          worst = worst == null || b.impact().compareTo(worst) > 0 ? b.impact() : worst;
        }
      }
      states.add(new ComponentState(c, worst == null ? OPERATIONAL : worst.label()));
      if (worst != null && (worstOverall == null || worst.compareTo(worstOverall) > 0)) {
        worstOverall = worst;
      }
    }
    for (Broadcast b : broadcasts) {
      if (b.published() && !b.resolved() && worstOverall == null) {
        worstOverall = b.impact();
      }
    }
    return new StatusView(
        worstOverall == null ? OPERATIONAL : worstOverall.label(),
        List.copyOf(states),
        List.copyOf(active),
        List.copyOf(past),
        Optional.ofNullable(updated));
  }
}
