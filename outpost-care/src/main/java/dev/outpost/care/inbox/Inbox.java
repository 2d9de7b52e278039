package dev.outpost.care.inbox;

import dev.outpost.care.inbox.InboxCase.Detail;
import dev.outpost.care.inbox.InboxCase.Message;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.store.PostgresAuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The care inbox: cases opened from mentions, worked by agents, answered in public through the
 * outbox. Every change is one transaction that also writes the case's history and the audit log;
 * every action in the brand's name is queued in the outbox under an idempotency key in that same
 * transaction, so it is sent once. Two agents never answer the same message: a reply locks the case
 * and is refused when someone else already answered the customer's latest post.
 */
public final class Inbox implements MentionListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  /**
   * What the queue shows.
   *
   * @param statuses these statuses only; empty: every status but resolved
   * @param queue one queue, when present
   * @param assignee one agent's cases, when present
   */
  public record Filter(
      List<CaseStatus> statuses, Optional<String> queue, Optional<String> assignee, int limit) {
    public Filter {
      statuses = List.copyOf(statuses);
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
      }
    }

    public static Filter open() {
      return new Filter(List.of(), Optional.empty(), Optional.empty(), 200);
    }
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final InboxSettings settings;
  private final Intake intake;
  private final Actions actions;
  private final SlaWatch sla;

  public Inbox(DataSource dataSource, Clock clock, InboxSettings settings) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.settings = settings;
    this.intake = new Intake(settings);
    this.actions = new Actions(settings);
    this.sla = new SlaWatch(dataSource, clock, settings, actions);
  }

  /** The inbox's clock's time (simulated in tests). */
  public Instant now() {
    return clock.instant();
  }

  public InboxSettings settings() {
    return settings;
  }

  /** Takes stored mentions in: opens cases, joins follow-ups; one mention's failure is logged. */
  @Override
  public void stored(List<Mention> mentions) {
    for (Mention m : mentions) {
      try {
        take(m);
      } catch (RuntimeException e) {
        LOG.warn("mention {} not taken into the inbox: {}", m.id(), e.getMessage());
      }
    }
  }

  /** Takes one mention in; the case it opened or joined, if any. */
  public Optional<Long> take(Mention m) {
    return tx(c -> intake.take(c, m, clock.instant()));
  }

  /** The queue, most urgent first (priority with waiting time, then oldest). */
  public List<InboxCase> queue(Filter f) {
    Instant now = clock.instant();
    return tx(c -> CaseRows.queue(c, f, now)).stream()
        .sorted(
            Comparator.comparingInt((InboxCase x) -> -x.priority().score())
                .thenComparing(InboxCase::openedAt))
        .limit(f.limit())
        .toList();
  }

  /** A case with its conversation, history and the agents drafting on it now. */
  public Optional<Detail> find(long id) {
    Instant now = clock.instant();
    return tx(
        c -> {
          Optional<InboxCase> k = CaseRows.find(c, id, now);
          if (k.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              new Detail(
                  k.get(),
                  CaseRows.messages(c, id),
                  CaseRows.events(c, id),
                  CaseRows.drafting(c, id, now.minus(settings.collisionWindow()))));
        });
  }

  /** Takes a case; refused when another agent has it (unless {@code force}). */
  public void claim(long id, String agent, boolean force) {
    change(
        id,
        agent,
        "case.claim",
        (c, k, now) -> {
          k.assignee()
              .filter(a -> !a.equals(agent) && !force)
              .ifPresent(
                  a -> {
                    throw new CaseConflict("case " + id + " is assigned to " + a);
                  });
          CaseRows.assign(c, id, agent);
          return "claimed";
        });
  }

  /** Hands a case to an agent. */
  public void assign(long id, String agent, String by) {
    change(
        id,
        by,
        "case.assign",
        (c, k, now) -> {
          CaseRows.assign(c, id, agent);
          return "assigned to " + agent;
        });
  }

  /**
   * Answers the customer in public, in reply to their latest post, with an @mention.
   *
   * @param force send even though someone else answered since the customer's latest post
   * @throws CaseConflict when another agent answered already, or has the case
   * @throws IllegalArgumentException when the reply is longer than the network allows
   */
  public Message reply(long id, String agent, String text, boolean force) {
    return act(id, agent, ActionKind.REPLY, "reply", text, force);
  }

  /** Asks the customer in public to send a private message. */
  public Message inviteToDm(long id, String agent, String text) {
    return act(id, agent, ActionKind.REPLY, "dm-invite", text, true);
  }

  /** Sends the customer a private message, where the network allows it. */
  public Message directMessage(long id, String agent, String text) {
    return act(id, agent, ActionKind.DIRECT_MESSAGE, "dm", text, true);
  }

  /** Follows the customer's account in the brand's name (once per case). */
  public Message follow(long id, String agent) {
    return act(id, agent, ActionKind.FOLLOW, "follow", "", true);
  }

  private Message act(
      long id, String agent, ActionKind kind, String label, String text, boolean force) {
    Instant now = clock.instant();
    return tx(
        c -> {
          InboxCase k = CaseRows.lock(c, id, now);
          Message m = actions.send(c, k, agent, kind, label, text, force, now);
          PostgresAuditLog.record(
              c,
              new AuditEvent(
                  now,
                  agent,
                  "case." + label,
                  "case:" + id,
                  Map.of("outbox", m.delivery().map(InboxCase.Delivery::key).orElse(""))));
          return m;
        });
  }

  /**
   * Approves and sends a reply that waited for approval.
   *
   * @throws CaseConflict when the approver wrote the reply
   */
  public Message approve(long id, long messageId, String approver) {
    Instant now = clock.instant();
    return tx(
        c -> {
          InboxCase k = CaseRows.lock(c, id, now);
          Message m = actions.approve(c, k, messageId, approver, now);
          PostgresAuditLog.record(
              c,
              new AuditEvent(
                  now,
                  approver,
                  "case.approve",
                  "case:" + id,
                  Map.of("message", String.valueOf(messageId))));
          return m;
        });
  }

  /** Hands the case to a lead and tells the escalation channel, if one is set. */
  public void escalate(long id, String actor, String reason) {
    Instant now = clock.instant();
    tx(
        c -> {
          InboxCase k = CaseRows.lock(c, id, now);
          actions.escalate(c, k, actor, reason, now);
          PostgresAuditLog.record(
              c,
              new AuditEvent(now, actor, "case.escalate", "case:" + id, Map.of("reason", reason)));
          return null;
        });
  }

  /**
   * Moves a case: waiting pauses its SLA timers, leaving waiting resumes them, resolved needs a
   * reason.
   */
  public void status(long id, String actor, CaseStatus status, Optional<String> reason) {
    Instant now = clock.instant();
    tx(
        c -> {
          InboxCase k = CaseRows.lock(c, id, now);
          actions.status(c, k, actor, status, reason, now);
          PostgresAuditLog.record(
              c,
              new AuditEvent(
                  now,
                  actor,
                  "case.status",
                  "case:" + id,
                  Map.of("status", status.name().toLowerCase(java.util.Locale.ROOT))));
          return null;
        });
  }

  /** An internal note, never sent to the customer. */
  public void note(long id, String actor, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    change(
        id,
        actor,
        "case.note",
        (c, k, now) -> {
          CaseRows.event(c, id, now, actor, "note", CaseRows.clean(text.strip()));
          return null;
        });
  }

  /** Replaces the case's tags. */
  public void tags(long id, String actor, List<String> tags) {
    List<String> clean =
        tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    change(
        id,
        actor,
        "case.tags",
        (c, k, now) -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE care_cases SET tags = ? WHERE id = ?")) {
            ps.setArray(1, c.createArrayOf("text", clean.toArray()));
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          return "tags: " + String.join(", ", clean);
        });
  }

  /** Says {@code agent} is drafting a reply; returns the other agents drafting on it now. */
  public List<String> drafting(long id, String agent) {
    Instant now = clock.instant();
    return tx(
        c -> {
          CaseRows.lock(c, id, now);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO care_presence (case_id, agent, seen_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (case_id, agent) DO UPDATE SET seen_at = EXCLUDED.seen_at")) {
            ps.setLong(1, id);
            ps.setString(2, agent);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
          }
          return CaseRows.drafting(c, id, now.minus(settings.collisionWindow())).stream()
              .filter(a -> !a.equals(agent))
              .toList();
        });
  }

  /**
   * Escalates the open cases whose first response or resolution is due within the warning time,
   * once per case; returns their ids.
   */
  public List<Long> checkSla() {
    return sla.check();
  }

  /** Starts checking SLA targets in the background every {@code poll}. */
  public void watchSla(Duration poll) {
    sla.start(poll);
  }

  /**
   * First-response and handling times, SLA misses and fans per agent, queue or topic ({@code by}),
   * over the cases opened in [from, to).
   */
  public List<Reports.Row> report(String by, Instant from, Instant to) {
    return Reports.by(dataSource, by, from, to, clock.instant());
  }

  /** The saved replies by name. */
  public Map<String, String> savedReplies() {
    return SavedReplies.all(dataSource);
  }

  public void saveReply(String name, String body, String actor) {
    Instant now = clock.instant();
    tx(
        c -> {
          SavedReplies.save(c, name, body, actor, now);
          PostgresAuditLog.record(
              c, new AuditEvent(now, actor, "care.saved-reply", "saved-reply:" + name, Map.of()));
          return null;
        });
  }

  /** A saved reply filled in for a case ({@code {{author.name}}}, {@code {{agent.name}}}...). */
  public String render(String name, long id, String agent) {
    String body = savedReplies().get(name);
    if (body == null) {
      throw new IllegalArgumentException("no saved reply named '" + name + "'");
    }
    Instant now = clock.instant();
    InboxCase k = tx(c -> CaseRows.find(c, id, now)).orElseThrow(() -> new CaseNotFound(id));
    return SavedReplies.fill(body, k, agent);
  }

  @FunctionalInterface
  interface Change {
    String apply(Connection c, InboxCase k, Instant now) throws SQLException;
  }

  private void change(long id, String actor, String action, Change change) {
    Instant now = clock.instant();
    tx(
        c -> {
          InboxCase k = CaseRows.lock(c, id, now);
          String detail = change.apply(c, k, now);
          if (detail != null) {
            CaseRows.event(c, id, now, actor, action.substring("case.".length()), detail);
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE care_cases SET updated_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          PostgresAuditLog.record(c, new AuditEvent(now, actor, action, "case:" + id, Map.of()));
          return null;
        });
  }

  private <T> T tx(Tx.Work<T> work) {
    return Tx.run(dataSource, work);
  }

  @Override
  public void close() throws InterruptedException {
    sla.close();
  }
}
