package dev.outpost.app.config;

import dev.outpost.care.inbox.BusinessHours;
import dev.outpost.care.inbox.InboxSettings;
import dev.outpost.care.inbox.Priority.Tier;
import dev.outpost.care.inbox.ReplyFitter;
import dev.outpost.care.inbox.Routing;
import dev.outpost.core.Enrichment.Intent;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code care:} section of {@code outpost.yaml}. The care inbox: SLAs, business hours,
 * templates, assignment (issue 8). Every field has a default, so the section may be left out.
 *
 * @param hours when SLA time runs; around the clock when left out
 * @param firstResponse first-response targets by tier ({@code urgent}, {@code high}, {@code
 *     normal}), for example {@code 1h}; default 1h, 4h, 24h
 * @param resolution resolution targets by tier; default 8h, 24h, 72h
 * @param warnBefore escalate this long before a target is missed; default 15m
 * @param slaCheckInterval how often targets are checked; default 30s
 * @param replyChannels per network id, the connection (a {@code sources} name) that answers
 * @param escalationChannel the outbox channel told about escalations, if any
 * @param lengthLimits per network id, a reply length limit replacing the network's default
 * @param queues routing rules, first match wins; cases matching none go to {@code general}
 * @param approvalAgents agents whose replies wait for approval (the approve permission)
 * @param approveInfluencers whether replies to influencers wait for approval; default false
 */
public record CareConfig(
    Hours hours,
    Map<String, String> firstResponse,
    Map<String, String> resolution,
    String warnBefore,
    String slaCheckInterval,
    Map<String, String> replyChannels,
    String escalationChannel,
    Map<String, Integer> lengthLimits,
    List<Queue> queues,
    List<String> approvalAgents,
    Boolean approveInfluencers) {

  public CareConfig {
    approvalAgents = approvalAgents == null ? List.of() : List.copyOf(approvalAgents);
    approveInfluencers = approveInfluencers != null && approveInfluencers;
    firstResponse = firstResponse == null ? Map.of() : Map.copyOf(firstResponse);
    resolution = resolution == null ? Map.of() : Map.copyOf(resolution);
    replyChannels = replyChannels == null ? Map.of() : Map.copyOf(replyChannels);
    lengthLimits = lengthLimits == null ? Map.of() : Map.copyOf(lengthLimits);
    queues = queues == null ? List.of() : List.copyOf(queues);
    build(
        hours,
        firstResponse,
        resolution,
        warnBefore,
        replyChannels,
        escalationChannel,
        lengthLimits,
        queues); // validates every field, naming the setting
    duration("care.slaCheckInterval", slaCheckInterval, Duration.ofSeconds(30));
  }

  public static CareConfig defaults() {
    return new CareConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Business hours.
   *
   * @param timezone an IANA zone such as {@code Europe/Paris}; default UTC
   * @param days working days such as {@code [mon, tue, wed, thu, fri]}; default every day
   * @param open opening time {@code HH:MM}; default 00:00
   * @param close closing time {@code HH:MM}, {@code 24:00} for midnight; default 24:00
   * @param holidays dates {@code YYYY-MM-DD} without business hours
   */
  public record Hours(
      String timezone, List<String> days, String open, String close, List<String> holidays) {}

  /**
   * A queue and the cases routed to it.
   *
   * @param name the queue
   * @param agents who gets its new cases in turn (round-robin); none: agents claim them
   */
  public record Queue(
      String name,
      List<String> topics,
      List<String> networks,
      List<String> languages,
      List<String> intents,
      Double minInfluence,
      List<String> keywords,
      List<String> agents) {}

  /** The inbox settings these values describe. */
  public InboxSettings settings() {
    return build(
            hours,
            firstResponse,
            resolution,
            warnBefore,
            replyChannels,
            escalationChannel,
            lengthLimits,
            queues)
        .withApproval(java.util.Set.copyOf(approvalAgents), approveInfluencers);
  }

  private static InboxSettings build(
      Hours hours,
      Map<String, String> firstResponse,
      Map<String, String> resolution,
      String warnBefore,
      Map<String, String> replyChannels,
      String escalationChannel,
      Map<String, Integer> lengthLimits,
      List<Queue> queues) {
    InboxSettings d = InboxSettings.defaults();
    Map<String, List<String>> agents = new LinkedHashMap<>();
    List<Routing.Rule> rules = new ArrayList<>();
    for (int i = 0; i < queues.size(); i++) {
      Queue q = queues.get(i);
      String where = "care.queues[" + i + "]";
      if (q.name() == null || q.name().isBlank()) {
        throw new IllegalArgumentException(where + ".name is required");
      }
      Set<Intent> intents = EnumSet.noneOf(Intent.class);
      for (String s : list(q.intents())) {
        try {
          intents.add(Intent.valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ".intents: unknown intent '" + s + "'", e);
        }
      }
      rules.add(
          new Routing.Rule(
              q.name().strip(),
              Set.copyOf(list(q.topics())),
              Set.copyOf(list(q.networks())),
              Set.copyOf(list(q.languages())),
              intents,
              q.minInfluence() == null ? 0 : q.minInfluence(),
              list(q.keywords())));
      if (!list(q.agents()).isEmpty()) {
        agents.put(q.name().strip(), list(q.agents()));
      }
    }
    return new InboxSettings(
        hours == null ? BusinessHours.always() : hours(hours),
        targets("care.firstResponse", firstResponse, d.firstResponse()),
        targets("care.resolution", resolution, d.resolution()),
        duration("care.warnBefore", warnBefore, d.warnBefore()),
        new Routing(rules),
        agents,
        replyChannels,
        Optional.ofNullable(escalationChannel).filter(s -> !s.isBlank()),
        new ReplyFitter(lengthLimits),
        d.collisionWindow(),
        d.fanWindow(),
        d.approvalAgents(),
        d.approveInfluencers());
  }

  /** How often SLA targets are checked. */
  public Duration slaCheck() {
    return duration("care.slaCheckInterval", slaCheckInterval, Duration.ofSeconds(30));
  }

  private static BusinessHours hours(Hours h) {
    ZoneId zone;
    try {
      zone = ZoneId.of(h.timezone() == null ? "UTC" : h.timezone().strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "care.hours.timezone: unknown zone '" + h.timezone() + "'", e);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String s :
        h.days() == null ? List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun") : h.days()) {
      String k = s.strip().toLowerCase(Locale.ROOT);
      DayOfWeek day =
          EnumSet.allOf(DayOfWeek.class).stream()
              .filter(x -> x.name().toLowerCase(Locale.ROOT).startsWith(k) && k.length() >= 3)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("care.hours.days: unknown day '" + s + "'"));
      days.add(day);
    }
    Set<LocalDate> holidays = new java.util.HashSet<>();
    for (String s : h.holidays() == null ? List.<String>of() : h.holidays()) {
      try {
        holidays.add(LocalDate.parse(s.strip()));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "care.hours.holidays: '" + s + "' is not a date YYYY-MM-DD", e);
      }
    }
    try {
      return new BusinessHours(
          zone, days, time("open", h.open()), time("close", h.close()), holidays);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("care.hours: " + e.getMessage(), e);
    }
  }

  private static LocalTime time(String name, String v) {
    if (v == null || v.isBlank() || v.strip().equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(v.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "care.hours." + name + ": '" + v + "' is not a time HH:MM", e);
    }
  }

  private static Map<Tier, Duration> targets(
      String name, Map<String, String> raw, Map<Tier, Duration> d) {
    Map<Tier, Duration> out = new EnumMap<>(d);
    raw.forEach(
        (k, v) -> {
          Tier t;
          try {
            t = Tier.valueOf(k.strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                name + ": unknown tier '" + k + "' (urgent, high, normal)", e);
          }
          out.put(t, duration(name + "." + k, v, d.get(t)));
        });
    return out;
  }

  static Duration duration(String name, String v, Duration fallback) {
    if (v == null || v.isBlank()) {
      return fallback;
    }
    String s = v.strip().toLowerCase(Locale.ROOT);
    try {
      Duration parsed;
      if (s.startsWith("p")) {
        parsed = Duration.parse(s.toUpperCase(Locale.ROOT));
      } else {
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        parsed =
            switch (s.charAt(s.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> throw new IllegalArgumentException("unit");
            };
      }
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return parsed;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + ": '" + v + "' is not a positive duration (use 30s, 15m, 4h, 2d)", e);
    }
  }

  private static List<String> list(List<String> l) {
    return l == null ? List.of() : l.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
