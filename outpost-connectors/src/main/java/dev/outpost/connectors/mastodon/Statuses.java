package dev.outpost.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Text;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Instant;
import java.util.Optional;

/** Maps Mastodon Status and Account JSON to posts and authors. */
final class Statuses {
  private Statuses() {}

  static Author author(JsonNode a, String instanceHost) {
    String acct = Json.text(a, "acct").or(() -> Json.text(a, "username")).orElse("unknown");
    if (!acct.contains("@")) {
      acct = acct + "@" + instanceHost;
    }
    return new Author(
        MastodonConnector.NETWORK,
        acct,
        Json.text(a, "display_name").orElse(acct),
        Json.count(a, "followers_count"),
        false,
        Json.instant(a, "created_at"));
  }

  static Post post(JsonNode s, String instanceHost) {
    String id =
        Json.text(s, "id").orElseThrow(() -> new IllegalArgumentException("status without id"));
    JsonNode shown = s.hasNonNull("reblog") && s.get("reblog").isObject() ? s.get("reblog") : s;
    String text = Text.fromHtml(Json.text(shown, "content").orElse(""));
    String spoiler = Json.text(shown, "spoiler_text").orElse("");
    if (!spoiler.isBlank()) {
      text = Post.truncate(spoiler + "\n" + text);
    }
    Instant created =
        Json.instant(s, "created_at")
            .orElseThrow(
                () -> new IllegalArgumentException("status " + id + " without created_at"));
    return new Post(
        MastodonConnector.NETWORK,
        id,
        author(s.get("account"), instanceHost),
        text,
        Json.text(s, "language").orElse(Post.UNDETERMINED),
        created,
        Json.text(s, "url").or(() -> Json.text(s, "uri")),
        Json.text(s, "in_reply_to_id"),
        new Metrics(
            Json.count(s, "favourites_count"),
            Json.count(s, "reblogs_count"),
            Json.count(s, "replies_count"),
            0));
  }

  static Optional<String> id(JsonNode s) {
    return Json.text(s, "id");
  }
}
