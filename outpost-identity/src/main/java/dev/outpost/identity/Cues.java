package dev.outpost.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Context that makes a look-alike more likely to be a fraud: what the bio says, how new the account
 * is, and how it behaves. On their own these cues never make an account an impostor.
 */
final class Cues {
  private static final Pattern DM =
      Pattern.compile(
          "(?iu)\\b(dm|pm|inbox)\\s+(us|me)\\b|\\bsend\\s+(us|me)\\s+an?\\s+(dm|pm|direct message|"
              + "message)\\b|\\bdirect\\s+message\\b|\\bdm\\s+for\\b|\\bdms?\\s+(are\\s+)?open\\b"
              + "|\\bmessage\\s+(us|me)\\b");
  private static final Pattern OFFICIAL =
      Pattern.compile("(?iu)\\b(official|verified|authori[sz]ed)\\b");
  private static final Pattern CHAT_APP =
      Pattern.compile("(?iu)\\b(whats\\s?app|telegram|signal\\s+me|wa\\.me|viber|wechat)\\b");
  private static final Pattern PHONE = Pattern.compile("(?<![\\w.])\\+?\\d[\\d ().-]{7,18}\\d\\b");
  private static final Pattern CARE =
      Pattern.compile(
          "(?iu)\\b(customer\\s+(support|service|care)|help\\s?desk|helpline|24/7|support\\s+team"
              + "|refunds?|recover(y)?\\s+(your|account)|claim\\s+your)\\b");

  private Cues() {}

  static List<Reason> bio(String bio) {
    List<Reason> out = new ArrayList<>();
    if (bio.isBlank()) {
      return out;
    }
    if (DM.matcher(bio).find()) {
      out.add(new Reason("bio", "asks people to DM", 0.3));
    }
    if (OFFICIAL.matcher(bio).find()) {
      out.add(new Reason("bio", "claims to be official", 0.3));
    }
    if (CHAT_APP.matcher(bio).find()) {
      out.add(new Reason("bio", "moves people to WhatsApp/Telegram-style chat", 0.35));
    }
    if (PHONE.matcher(bio).find()) {
      out.add(new Reason("bio", "gives a phone number", 0.25));
    }
    if (CARE.matcher(bio).find()) {
      out.add(new Reason("bio", "presents itself as customer support", 0.2));
    }
    return out;
  }

  static List<Reason> age(Candidate c, Clock clock) {
    if (c.createdAt().isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Duration age = Duration.between(c.createdAt().get(), now);
    if (age.isNegative()) {
      return List.of();
    }
    long days = age.toDays();
    if (days < 30) {
      return List.of(new Reason("account-age", "account created " + days + " days ago", 0.3));
    }
    if (days < 180) {
      return List.of(new Reason("account-age", "account created " + days + " days ago", 0.12));
    }
    return List.of();
  }

  static List<Reason> behaviour(Candidate c) {
    List<Reason> out = new ArrayList<>();
    if (c.repliesToComplaints() > 0) {
      out.add(
          new Reason(
              "behaviour",
              "replied to " + c.repliesToComplaints() + " customers who complained to the brand",
              c.repliesToComplaints() > 2 ? 0.5 : 0.4));
    }
    if (c.asksToDm()) {
      out.add(new Reason("behaviour", "asks customers to move to direct messages", 0.3));
    }
    return out;
  }
}
