package dev.outpost.web.broadcast;

import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.care.broadcast.StatusView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The status page's representations, rendered once and served from memory until something is
 * published here or {@code ttl} passes (for what another node published), each with a strong ETag.
 */
final class StatusCache {
  /** A rendered representation and its ETag. */
  record Rendered(byte[] body, String etag) {}

  private record Snapshot(
      long changes, Instant expires, Rendered html, Rendered json, Rendered atom) {}

  private final Broadcaster broadcaster;
  private final Clock clock;
  private final Duration ttl;
  private final Function<StatusView, String> html;
  private final Function<StatusView, String> json;
  private final Function<StatusView, String> atom;
  private volatile Snapshot snapshot;

  StatusCache(
      Broadcaster broadcaster,
      Clock clock,
      Duration ttl,
      Function<StatusView, String> html,
      Function<StatusView, String> json,
      Function<StatusView, String> atom) {
    this.broadcaster = broadcaster;
    this.clock = clock;
    this.ttl = ttl;
    this.html = html;
    this.json = json;
    this.atom = atom;
  }

  Duration ttl() {
    return ttl;
  }

  Rendered html() {
    return current().html();
  }

  Rendered json() {
    return current().json();
  }

  Rendered atom() {
    return current().atom();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long changes = broadcaster.changes();
    Instant now = clock.instant();
    if (s != null && s.changes() == changes && now.isBefore(s.expires())) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && s.changes() == changes && now.isBefore(s.expires())) {
        return s;
      }
      StatusView view = broadcaster.status();
      s =
          new Snapshot(
              changes,
              now.plus(ttl),
              render(html.apply(view)),
              render(json.apply(view)),
              render(atom.apply(view)));
      snapshot = s;
      return s;
    }
  }

  private static Rendered render(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return new Rendered(body, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
