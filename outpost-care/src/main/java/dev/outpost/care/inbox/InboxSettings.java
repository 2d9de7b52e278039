package dev.outpost.care.inbox;

import dev.outpost.care.inbox.Priority.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the inbox works.
 *
 * @param hours when SLA time runs
 * @param firstResponse first-response targets by priority tier, in business time
 * @param resolution resolution targets by priority tier, in business time
 * @param warnBefore a case is escalated when a target is this close (or missed)
 * @param routing queue rules
 * @param agents per queue, the agents new cases are handed to in turn (round-robin); a queue
 *     without agents leaves cases for someone to claim
 * @param replyChannels per network id, the connection that answers in the brand's name
 * @param escalationChannel the notifier (outbox channel) told about escalations, if any
 * @param fitter the networks' length limits
 * @param collisionWindow how long an agent counts as drafting after their last keystroke
 * @param fanWindow how long after a case the author's posts still count for "became a fan"
 * @param approvalAgents agents whose replies wait for someone with the approve permission
 * @param approveInfluencers whether replies to influencers wait for approval
 */
public record InboxSettings(
    BusinessHours hours,
    Map<Tier, Duration> firstResponse,
    Map<Tier, Duration> resolution,
    Duration warnBefore,
    Routing routing,
    Map<String, List<String>> agents,
    Map<String, String> replyChannels,
    Optional<String> escalationChannel,
    ReplyFitter fitter,
    Duration collisionWindow,
    Duration fanWindow,
    java.util.Set<String> approvalAgents,
    boolean approveInfluencers) {

  public InboxSettings {
    approvalAgents = java.util.Set.copyOf(approvalAgents);
    firstResponse = complete("firstResponse", firstResponse);
    resolution = complete("resolution", resolution);
    agents = Map.copyOf(agents);
    replyChannels = Map.copyOf(replyChannels);
  }

  /** Around the clock; first response 1h/4h/24h, resolution 8h/24h/72h; no routing rules. */
  public static InboxSettings defaults() {
    return new InboxSettings(
        BusinessHours.always(),
        Map.of(
            Tier.URGENT, Duration.ofHours(1),
            Tier.HIGH, Duration.ofHours(4),
            Tier.NORMAL, Duration.ofHours(24)),
        Map.of(
            Tier.URGENT, Duration.ofHours(8),
            Tier.HIGH, Duration.ofHours(24),
            Tier.NORMAL, Duration.ofHours(72)),
        Duration.ofMinutes(15),
        new Routing(List.of()),
        Map.of(),
        Map.of(),
        Optional.empty(),
        new ReplyFitter(Map.of()),
        Duration.ofSeconds(20),
        Duration.ofDays(30),
        java.util.Set.of(),
        false);
  }

  public InboxSettings withHours(BusinessHours h) {
    return new InboxSettings(
        h,
        firstResponse,
        resolution,
        warnBefore,
        routing,
        agents,
        replyChannels,
        escalationChannel,
        fitter,
        collisionWindow,
        fanWindow,
        approvalAgents,
        approveInfluencers);
  }

  public InboxSettings withRouting(Routing r, Map<String, List<String>> queueAgents) {
    return new InboxSettings(
        hours,
        firstResponse,
        resolution,
        warnBefore,
        r,
        queueAgents,
        replyChannels,
        escalationChannel,
        fitter,
        collisionWindow,
        fanWindow,
        approvalAgents,
        approveInfluencers);
  }

  public InboxSettings withChannels(Map<String, String> replies, Optional<String> escalation) {
    return new InboxSettings(
        hours,
        firstResponse,
        resolution,
        warnBefore,
        routing,
        agents,
        replies,
        escalation,
        fitter,
        collisionWindow,
        fanWindow,
        approvalAgents,
        approveInfluencers);
  }

  public InboxSettings withApproval(java.util.Set<String> agents, boolean influencers) {
    return new InboxSettings(
        hours,
        firstResponse,
        resolution,
        warnBefore,
        routing,
        this.agents,
        replyChannels,
        escalationChannel,
        fitter,
        collisionWindow,
        fanWindow,
        agents,
        influencers);
  }

  private static Map<Tier, Duration> complete(String name, Map<Tier, Duration> targets) {
    Map<Tier, Duration> m = new EnumMap<>(Tier.class);
    m.putAll(targets);
    for (Tier t : Tier.values()) {
      Duration d = m.get(t);
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "care "
                + name
                + " target for "
                + t.name().toLowerCase(java.util.Locale.ROOT)
                + " must be a positive duration, was "
                + d);
      }
    }
    return Map.copyOf(m);
  }
}
