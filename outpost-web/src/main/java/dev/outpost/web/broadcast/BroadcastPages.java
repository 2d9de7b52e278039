package dev.outpost.web.broadcast;

import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.care.broadcast.StatusView;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the broadcast and status templates show. */
public final class BroadcastPages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BroadcastPages() {}

  /** The public status page. */
  public record Status(String name, StatusView view) {}

  /** The list of broadcasts with the compose form. */
  public record Index(
      List<Broadcast> broadcasts, List<String> components, List<String> impacts, String error) {}

  /** One broadcast: its messages with their previews, and where each was sent. */
  public record Detail(
      Broadcast broadcast,
      List<MessageView> messages,
      List<Broadcaster.Delivery> deliveries,
      String link,
      Optional<Broadcaster.Affected> affected,
      String error) {}

  /** A message with what it becomes on each channel. */
  public record MessageView(Broadcast.Message message, Map<String, List<String>> preview) {}

  public static String time(Instant t) {
    return TIME.format(t);
  }

  public static String time(Optional<Instant> t) {
    return t.map(TIME::format).orElse("");
  }

  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** An enum name as shown, for example {@code partial outage}. */
  public static String label(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A CSS class for a state such as {@code partial outage}. */
  public static String css(String state) {
    return "state-" + state.replace(' ', '-');
  }

  static List<String> impacts() {
    return Arrays.stream(Impact.values()).map(Impact::name).toList();
  }
}
