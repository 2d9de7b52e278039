package dev.outpost.app.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code alerts:} section of {@code outpost.yaml}. Alert rules, notification channels and
 * throttling (issue 7). Every field has a default, so the section may be left out: then alerts are
 * kept in-app only.
 *
 * @param updateThrottle at most one update of a thread per channel in this much stream time
 *     (escalations of severity always go out); default {@code 15m}
 * @param escalationCheck how often unacknowledged threads are looked for; default {@code 1m}
 * @param channels where notifications go
 * @param rules which alerts go to which channels
 */
public record AlertsConfig(
    String updateThrottle, String escalationCheck, List<Channel> channels, List<Rule> rules) {
  private static final Set<String> KINDS =
      Set.of("volume_spike", "negativity_spike", "viral_post", "incident");
  private static final List<String> SEVERITIES = List.of("info", "warning", "critical");

  public AlertsConfig {
    updateThrottle = updateThrottle == null ? "15m" : updateThrottle;
    escalationCheck = escalationCheck == null ? "1m" : escalationCheck;
    channels = channels == null ? List.of() : List.copyOf(channels);
    rules = rules == null ? List.of() : List.copyOf(rules);
    duration("alerts.updateThrottle", updateThrottle);
    duration("alerts.escalationCheck", escalationCheck);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      if (c == null) {
        throw new IllegalArgumentException("alerts.channels[" + (i + 1) + "] is empty");
      }
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(
            "alerts.channels: the name '" + c.name() + "' is used twice");
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      String where = "alerts.rules[" + (i + 1) + "]";
      if (r == null) {
        throw new IllegalArgumentException(where + " is empty");
      }
      for (String ch : r.channels()) {
        if (!names.contains(ch)) {
          throw new IllegalArgumentException(
              where + ".channels: no channel named '" + ch + "' in alerts.channels");
        }
      }
      for (String ch : r.escalateTo()) {
        if (!names.contains(ch)) {
          throw new IllegalArgumentException(
              where + ".escalateTo: no channel named '" + ch + "' in alerts.channels");
        }
      }
    }
  }

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, null, null, null);
  }

  public Duration updateThrottleDuration() {
    return duration("alerts.updateThrottle", updateThrottle);
  }

  public Duration escalationCheckDuration() {
    return duration("alerts.escalationCheck", escalationCheck);
  }

  /**
   * A notification channel.
   *
   * @param name how rules refer to it
   * @param type {@code webhook} (JSON signed with HMAC-SHA256), {@code slack} (a Slack-compatible
   *     incoming webhook) or {@code email} (SMTP)
   * @param url the webhook's URL (webhook, slack)
   * @param secret the signing secret, at least 16 characters (webhook)
   * @param smtp the mail server (email)
   * @param from the sender address (email)
   * @param to the recipients (email)
   */
  public record Channel(
      String name,
      String type,
      String url,
      String secret,
      Smtp smtp,
      String from,
      List<String> to) {
    public Channel {
      if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "alerts.channels: name must be 1-64 letters, digits, '.', '_' or '-', was '"
                + name
                + "'");
      }
      String where = "alerts.channels '" + name + "'";
      type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
      to = to == null ? List.of() : List.copyOf(to);
      switch (type) {
        case "webhook", "slack" -> {
          uri(where + ".url", url);
          if (type.equals("webhook") && (secret == null || secret.length() < 16)) {
            throw new IllegalArgumentException(
                where + ".secret: a webhook needs a signing secret of at least 16 characters");
          }
        }
        case "email" -> {
          if (smtp == null) {
            throw new IllegalArgumentException(where + ".smtp: the mail server is required");
          }
          if (from == null || from.isBlank()) {
            throw new IllegalArgumentException(where + ".from: the sender address is required");
          }
          if (to.isEmpty()) {
            throw new IllegalArgumentException(where + ".to: at least one recipient is required");
          }
        }
        default ->
            throw new IllegalArgumentException(
                where + ".type must be webhook, slack or email, was '" + type + "'");
      }
    }

    @Override
    public String toString() {
      return "Channel[name=" + name + ", type=" + type + ", url=<hidden>, to=" + to + "]";
    }
  }

  /** An SMTP server; {@code password} is a secret (write {@code ${SMTP_PASSWORD}}). */
  public record Smtp(
      String host, Integer port, Boolean startTls, String username, String password) {
    public Smtp {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("alerts.channels smtp.host is required");
      }
      port = port == null ? 587 : port;
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(
            "alerts.channels smtp.port must be between 1 and 65535, was " + port);
      }
      startTls = startTls == null ? Boolean.TRUE : startTls;
    }

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
  }

  /**
   * Who is told about what.
   *
   * @param name a label for logs
   * @param kinds the detectors it covers ({@code volume_spike}, {@code negativity_spike}, {@code
   *     viral_post}, {@code incident}); empty for all
   * @param topics the topics it covers (an alert's subject {@code united} or {@code
   *     united|negative} is topic {@code united}); empty for all
   * @param minSeverity the least severity: {@code info}, {@code warning} (default) or {@code
   *     critical}
   * @param channels where matching alerts go
   * @param quietHours {@code HH:MM-HH:MM}: in this window only critical alerts go out through this
   *     rule (the rest stay in-app)
   * @param zone the time zone of {@code quietHours}; default UTC
   * @param escalateAfter when a thread is still unacknowledged this long after it opened, tell
   *     {@code escalateTo}
   * @param escalateTo the channels for escalations
   */
  public record Rule(
      String name,
      List<String> kinds,
      List<String> topics,
      String minSeverity,
      List<String> channels,
      String quietHours,
      String zone,
      String escalateAfter,
      List<String> escalateTo) {
    public Rule {
      name = name == null || name.isBlank() ? "rule" : name.strip();
      String where = "alerts.rules '" + name + "'";
      kinds =
          kinds == null
              ? List.of()
              : kinds.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).toList();
      for (String k : kinds) {
        if (!KINDS.contains(k)) {
          throw new IllegalArgumentException(
              where
                  + ".kinds: '"
                  + k
                  + "' is not a detector (volume_spike, negativity_spike, viral_post, incident)");
        }
      }
      topics = topics == null ? List.of() : List.copyOf(topics);
      minSeverity = minSeverity == null ? "warning" : minSeverity.strip().toLowerCase(Locale.ROOT);
      if (!SEVERITIES.contains(minSeverity)) {
        throw new IllegalArgumentException(
            where + ".minSeverity must be info, warning or critical, was '" + minSeverity + "'");
      }
      channels = channels == null ? List.of() : List.copyOf(channels);
      escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
      if (channels.isEmpty() && escalateTo.isEmpty()) {
        throw new IllegalArgumentException(where + ".channels: at least one channel is required");
      }
      zone = zone == null ? "UTC" : zone.strip();
      try {
        ZoneId.of(zone);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ".zone: unknown time zone '" + zone + "'", e);
      }
      if (quietHours != null) {
        parseQuietWindow(where, quietHours);
      }
      if (escalateAfter != null) {
        duration(where + ".escalateAfter", escalateAfter);
        if (escalateTo.isEmpty()) {
          throw new IllegalArgumentException(
              where + ".escalateTo: name the channels to escalate to");
        }
      } else if (!escalateTo.isEmpty()) {
        throw new IllegalArgumentException(
            where + ".escalateAfter: say after how long to escalate (for example 15m)");
      }
    }

    /** The severity index: 0 info, 1 warning, 2 critical. */
    public int minSeverityLevel() {
      return SEVERITIES.indexOf(minSeverity);
    }

    /** The quiet window as {start, end}, when set. */
    public Optional<LocalTime[]> quietWindow() {
      return quietHours == null
          ? Optional.empty()
          : Optional.of(parseQuietWindow("alerts.rules '" + name + "'", quietHours));
    }

    public ZoneId zoneId() {
      return ZoneId.of(zone);
    }

    public Optional<Duration> escalateAfterDuration() {
      return Optional.ofNullable(escalateAfter)
          .map(d -> duration("alerts.rules '" + name + "'.escalateAfter", d));
    }

    /** Whether the rule's kind pattern covers a detector ({@code volume_spike}...). */
    public boolean coversKind(String kind) {
      return kinds.isEmpty() || kinds.contains(kind);
    }

    /** Whether the rule covers an alert subject ({@code united}, {@code united|negative}). */
    public boolean coversSubject(String subject) {
      if (topics.isEmpty()) {
        return true;
      }
      int bar = subject.indexOf('|');
      String topic = bar < 0 ? subject : subject.substring(0, bar);
      return topics.contains(topic);
    }
  }

  private static LocalTime[] parseQuietWindow(String where, String value) {
    String[] parts = value.strip().split("-");
    try {
      if (parts.length != 2) {
        throw new DateTimeParseException("two times", value, 0);
      }
      return new LocalTime[] {LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())};
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where + ".quietHours must look like 22:00-07:00, was '" + value + "'", e);
    }
  }

  private static void uri(String where, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(where + " is required");
    }
    try {
      URI u = URI.create(url.strip());
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("not http(s)");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " must be an http(s) URL", e);
    }
  }

  /** Parses {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT5M}. */
  static Duration duration(String where, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        d =
            switch (v.charAt(v.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> throw new IllegalArgumentException("unit");
            };
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          where + " must be a positive duration such as 30s, 15m, 2h or 1d, was '" + value + "'",
          e);
    }
  }
}
