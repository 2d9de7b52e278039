package dev.outpost.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code broadcast:} section of {@code outpost.yaml}. Broadcasts and the public status page
 * (issue 9). Every field has a default, so the section may be left out.
 *
 * @param name the organisation's name on the status page (default {@code Outpost})
 * @param publicUrl the status page's public address, used in links posted to networks (default
 *     {@code http://HOST:PORT/status} from {@code server})
 * @param components the service's parts shown on the status page, for example {@code checkout}
 * @param channels the connections (sources' names) a broadcast is published to; default: every
 *     connection that can publish
 * @param webhooks subscribers' webhooks that receive every published message
 * @param repliesPerMinute answers to affected authors sent per minute per channel (default 20)
 * @param statusCacheSeconds how long the status page is served from memory before it is read again
 *     (default 5; what is published on this node shows at once)
 */
public record BroadcastConfig(
    String name,
    String publicUrl,
    List<String> components,
    List<String> channels,
    List<Webhook> webhooks,
    Integer repliesPerMinute,
    Integer statusCacheSeconds) {

  /** A subscriber's webhook: each message is POSTed to {@code url} as JSON. */
  public record Webhook(String name, String url) {
    public Webhook {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("broadcast.webhooks: every webhook needs a name");
      }
      name = name.strip();
      if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
        throw new IllegalArgumentException(
            "broadcast.webhooks '" + name + "': url must start with https:// or http://");
      }
      try {
        new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "broadcast.webhooks '" + name + "': url is not a valid address: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      // webhook addresses often carry a secret token: never logged
      return "Webhook[name=" + name + ", url=***]";
    }
  }

  public BroadcastConfig {
    name = name == null || name.isBlank() ? "Outpost" : name.strip();
    if (name.length() > 100) {
      throw new IllegalArgumentException("broadcast.name must be at most 100 characters");
    }
    if (publicUrl != null && !publicUrl.isBlank()) {
      publicUrl = publicUrl.strip().replaceAll("/+$", "");
      if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
        throw new IllegalArgumentException(
            "broadcast.publicUrl must start with https:// or http://, was '" + publicUrl + "'");
      }
    } else {
      publicUrl = null;
    }
    components = components == null ? List.of() : List.copyOf(components);
    Set<String> seen = new HashSet<>();
    for (String c : components) {
      if (c == null || c.isBlank() || c.length() > 100) {
        throw new IllegalArgumentException(
            "broadcast.components: a component name must be 1 to 100 characters");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("broadcast.components: '" + c + "' is listed twice");
      }
    }
    channels = channels == null ? null : List.copyOf(channels);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    Set<String> names = new HashSet<>();
    for (Webhook w : webhooks) {
      if (!names.add(w.name())) {
        throw new IllegalArgumentException(
            "broadcast.webhooks: the name '" + w.name() + "' is used twice");
      }
    }
    repliesPerMinute = repliesPerMinute == null ? 20 : repliesPerMinute;
    if (repliesPerMinute < 1 || repliesPerMinute > 600) {
      throw new IllegalArgumentException(
          "broadcast.repliesPerMinute must be between 1 and 600, was " + repliesPerMinute);
    }
    statusCacheSeconds = statusCacheSeconds == null ? 5 : statusCacheSeconds;
    if (statusCacheSeconds < 0 || statusCacheSeconds > 300) {
      throw new IllegalArgumentException(
          "broadcast.statusCacheSeconds must be between 0 and 300, was " + statusCacheSeconds);
    }
  }

  public static BroadcastConfig defaults() {
    return new BroadcastConfig(null, null, null, null, null, null, null);
  }

  /** The connections named in {@code channels}, when the list is given. */
  public Optional<List<String>> channelNames() {
    return Optional.ofNullable(channels);
  }

  /** The status page's public address, given the web server's. */
  public String statusUrl(String host, int port) {
    return publicUrl != null ? publicUrl : "http://" + host + ":" + port + "/status";
  }
}
