package dev.outpost.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public post heard on a network. Texts are untrusted: they are stored and shown as they came,
 * and escaped wherever they are rendered.
 *
 * @param network the network id; equal to the author's network
 * @param externalId the post's id on its network; (network, externalId) identifies a post
 * @param author who wrote it
 * @param text the post's text, at most {@link #MAX_TEXT} characters (longer texts are cut by {@link
 *     #truncate})
 * @param language BCP 47 language tag, or {@code und} when unknown
 * @param createdAt when the author published it
 * @param url a link to the post on its network
 * @param replyTo the external id of the post this one answers
 * @param metrics engagement counters
 */
public record Post(
    String network,
    String externalId,
    Author author,
    String text,
    String language,
    Instant createdAt,
    Optional<String> url,
    Optional<String> replyTo,
    Metrics metrics) {

  /** The longest text kept; longer posts are cut to this length. */
  public static final int MAX_TEXT = 40_000;

  public static final String UNDETERMINED = "und";

  public Post {
    network = Validate.networkId(network);
    externalId = Validate.notBlank("post externalId", externalId).strip();
    Validate.maxLength("post externalId", externalId, 256);
    Objects.requireNonNull(author, "post author");
    if (!author.network().equals(network)) {
      throw new IllegalArgumentException(
          "post network '" + network + "' differs from author network '" + author.network() + "'");
    }
    Objects.requireNonNull(text, "post text");
    Validate.maxLength("post text", text, MAX_TEXT);
    language = language == null || language.isBlank() ? UNDETERMINED : language.strip();
    Objects.requireNonNull(createdAt, "post createdAt");
    Objects.requireNonNull(url, "post url (use Optional.empty())");
    Objects.requireNonNull(replyTo, "post replyTo (use Optional.empty())");
    metrics = metrics == null ? Metrics.NONE : metrics;
  }

  /** Cuts a text to {@link #MAX_TEXT} characters without splitting a surrogate pair. */
  public static String truncate(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = MAX_TEXT;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** The identity that deduplicates posts: network and external id. */
  public String key() {
    return network + ":" + externalId;
  }

  /** A copy with the language set. */
  public Post withLanguage(String tag) {
    return new Post(network, externalId, author, text, tag, createdAt, url, replyTo, metrics);
  }
}
