package dev.outpost.care.inbox;

import dev.outpost.care.inbox.InboxCase.Message;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.store.PostgresOutbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What agents do on a locked case, in the caller's transaction. */
final class Actions {
  static final String DEFAULT_DM_INVITE =
      "could you send us a direct message so we can look into your account?";
  private final InboxSettings settings;

  Actions(InboxSettings settings) {
    this.settings = settings;
  }

  Message send(
      Connection c,
      InboxCase k,
      String agent,
      ActionKind kind,
      String label,
      String text,
      boolean force,
      Instant now)
      throws SQLException {
    if (k.status() == CaseStatus.RESOLVED) {
      throw new CaseConflict("case " + k.id() + " is resolved; reopen it first");
    }
    String channel =
        Optional.ofNullable(settings.replyChannels().get(k.network()))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no connection answers on network '"
                            + k.network()
                            + "': set care.replyChannels."
                            + k.network()));
    List<Message> messages = CaseRows.messages(c, k.id());
    Message latestIn =
        messages.stream()
            .filter(m -> m.direction().equals("IN"))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new IllegalStateException("case " + k.id() + " has no post"));
    if (!force) {
      k.assignee()
          .filter(a -> !a.equals(agent))
          .ifPresent(
              a -> {
                throw new CaseConflict("case " + k.id() + " is assigned to " + a);
              });
      messages.stream()
          .filter(m -> m.direction().equals("OUT") && m.kind().equals("reply"))
          .filter(m -> m.id() > latestIn.id())
          .findFirst()
          .ifPresent(
              m -> {
                throw new CaseConflict(
                    m.actor() + " already answered the customer's latest post at " + m.at());
              });
    }
    String body = text == null ? "" : text.strip();
    if (label.equals("dm-invite") && body.isEmpty()) {
      body = DEFAULT_DM_INVITE;
    }
    String target = latestIn.externalId().orElseThrow();
    if (kind == ActionKind.FOLLOW || kind == ActionKind.DIRECT_MESSAGE) {
      target = k.authorHandle();
    }
    if (kind == ActionKind.REPLY) {
      if (body.isEmpty()) {
        throw new IllegalArgumentException("a reply needs text");
      }
      String mention = "@" + k.authorHandle();
      if (!body.startsWith(mention)) {
        body = mention + " " + body;
      }
    }
    if (kind != ActionKind.FOLLOW) {
      ReplyFitter.Measure size = settings.fitter().measure(k.network(), body);
      if (!size.fits()) {
        throw new IllegalArgumentException(
            "the reply is "
                + size.length()
                + " characters as "
                + k.network()
                + " counts them; the limit is "
                + size.limit());
      }
    }
    long n = messages.stream().filter(m -> m.kind().equals(label)).count() + 1;
    String key =
        kind == ActionKind.FOLLOW
            ? "case:" + k.id() + ":follow"
            : "case:" + k.id() + ":" + label + ":" + n;
    boolean approval =
        kind != ActionKind.FOLLOW
            && (settings.approvalAgents().contains(agent)
                || (settings.approveInfluencers()
                    && k.priority().reasons().contains("influencer")));
    if (!approval) {
      PostgresOutbox.enqueue(c, new OutboxAction(key, channel, kind, target, body), now);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO care_messages (case_id, direction, kind, reply_to, actor, text, at,"
                + " outbox_key, channel, awaiting_approval) VALUES (?, 'OUT', ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, k.id());
      ps.setString(2, label);
      ps.setString(3, target);
      ps.setString(4, agent);
      ps.setString(5, CaseRows.clean(body));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setString(7, key);
      ps.setString(8, channel);
      ps.setBoolean(9, approval);
      ps.executeUpdate();
    }
    if (approval) {
      CaseRows.event(c, k.id(), now, agent, label + "-awaiting-approval", key);
      return CaseRows.messages(c, k.id()).getLast();
    }
    answered(c, k.id(), agent, kind, now);
    CaseRows.event(c, k.id(), now, agent, label, key);
    return CaseRows.messages(c, k.id()).getLast();
  }

  /** Sends a reply that waited for approval; the approver must be someone else. */
  Message approve(Connection c, InboxCase k, long messageId, String approver, Instant now)
      throws SQLException {
    String author;
    String kindLabel;
    String target;
    String text;
    String key;
    String channel;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT actor, kind, reply_to, text, outbox_key, channel FROM care_messages"
                + " WHERE id = ? AND case_id = ? AND awaiting_approval FOR UPDATE")) {
      ps.setLong(1, messageId);
      ps.setLong(2, k.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException(
              "case " + k.id() + " has no message " + messageId + " awaiting approval");
        }
        author = rs.getString(1);
        kindLabel = rs.getString(2);
        target = rs.getString(3);
        text = rs.getString(4);
        key = rs.getString(5);
        channel = rs.getString(6);
      }
    }
    if (author.equals(approver)) {
      throw new CaseConflict("a reply needs someone else's approval than its author's");
    }
    ActionKind kind = kindLabel.equals("dm") ? ActionKind.DIRECT_MESSAGE : ActionKind.REPLY;
    PostgresOutbox.enqueue(c, new OutboxAction(key, channel, kind, target, text), now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_messages SET awaiting_approval = false, approved_by = ? WHERE id = ?")) {
      ps.setString(1, approver);
      ps.setLong(2, messageId);
      ps.executeUpdate();
    }
    answered(c, k.id(), author, kind, now);
    CaseRows.event(c, k.id(), now, approver, "approved", key);
    return CaseRows.messages(c, k.id()).stream()
        .filter(m -> m.id() == messageId)
        .findFirst()
        .orElseThrow();
  }

  private static void answered(Connection c, long id, String agent, ActionKind kind, Instant now)
      throws SQLException {
    boolean answers = kind == ActionKind.REPLY || kind == ActionKind.DIRECT_MESSAGE;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET updated_at = ?, assignee = COALESCE(assignee, ?),"
                + " first_response_at = CASE WHEN ? THEN COALESCE(first_response_at, ?)"
                + " ELSE first_response_at END,"
                + " status = CASE WHEN status = 'NEW' THEN 'OPEN' ELSE status END WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, agent);
      ps.setBoolean(3, answers);
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setLong(5, id);
      ps.executeUpdate();
    }
  }

  void escalate(Connection c, InboxCase k, String actor, String reason, Instant now)
      throws SQLException {
    if (k.status() == CaseStatus.RESOLVED) {
      throw new CaseConflict("case " + k.id() + " is resolved; reopen it first");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET status = 'ESCALATED', updated_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, k.id());
      ps.executeUpdate();
    }
    CaseRows.event(c, k.id(), now, actor, "escalated", reason);
    notifyLead(c, k, reason, now);
  }

  /** Escalates a case whose SLA target is near, once; false when it was already. */
  boolean slaEscalate(Connection c, InboxCase k, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET sla_escalated_at = ?, status = 'ESCALATED', updated_at = ?"
                + " WHERE id = ? AND sla_escalated_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setLong(3, k.id());
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    String why =
        k.firstResponse().stoppedAt().isEmpty()
            ? "first response due " + k.firstResponse().due()
            : "resolution due " + k.resolution().due();
    CaseRows.event(c, k.id(), now, "system", "sla-escalated", why);
    notifyLead(c, k, "SLA: " + why, now);
    return true;
  }

  private void notifyLead(Connection c, InboxCase k, String reason, Instant now)
      throws SQLException {
    if (settings.escalationChannel().isEmpty()) {
      return;
    }
    long n;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM care_events WHERE case_id = ? AND kind IN ('escalated', 'sla-escalated')")) {
      ps.setLong(1, k.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        n = rs.getLong(1);
      }
    }
    String text =
        "Case "
            + k.id()
            + " escalated ("
            + k.queue()
            + ", priority "
            + k.priority().score()
            + "): "
            + reason;
    PostgresOutbox.enqueue(
        c,
        new OutboxAction(
            "case:" + k.id() + ":escalation:" + n,
            settings.escalationChannel().get(),
            ActionKind.PUBLISH,
            "",
            text,
            Map.of("case", String.valueOf(k.id()), "queue", k.queue())),
        now);
  }

  void status(
      Connection c, InboxCase k, String actor, CaseStatus to, Optional<String> reason, Instant now)
      throws SQLException {
    if (to == CaseStatus.NEW) {
      throw new IllegalArgumentException("a case cannot go back to new");
    }
    if (to == CaseStatus.RESOLVED && reason.filter(r -> !r.isBlank()).isEmpty()) {
      throw new IllegalArgumentException("resolving a case needs a reason");
    }
    if (to == CaseStatus.ESCALATED) {
      escalate(c, k, actor, reason.orElse("escalated"), now);
      return;
    }
    if (k.status() == CaseStatus.WAITING && to != CaseStatus.WAITING) {
      Sla.resume(c, k.id(), now, settings.hours(), actor + " moved the case on");
    }
    if (to == CaseStatus.WAITING) {
      Sla.pause(c, k.id(), now);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET status = ?, updated_at = ?, resolved_at = ?, resolution = ?"
                + " WHERE id = ?")) {
      boolean resolved = to == CaseStatus.RESOLVED;
      ps.setString(1, to.name());
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setTimestamp(3, resolved ? Timestamp.from(now) : null);
      ps.setString(4, resolved ? reason.map(String::strip).orElse(null) : null);
      ps.setLong(5, k.id());
      ps.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new CaseConflict(
            "the author has another open case on topic " + k.topicId() + "; work that one");
      }
      throw e;
    }
    CaseRows.event(
        c,
        k.id(),
        now,
        actor,
        "status",
        to.name().toLowerCase(Locale.ROOT) + reason.map(r -> ": " + r).orElse(""));
  }
}
