package dev.outpost.connectors;

import dev.outpost.core.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives posts pushed by a network. The web server checks each request's signature with {@link
 * #verify} first, parses it with {@link #parse} to refuse a bad body, stores the body durably and
 * only then answers; the stored body is parsed again (without its signature, which may have expired
 * by then) when the pipeline reads it.
 */
public interface WebhookReceiver {
  /**
   * Checks one delivery's signature.
   *
   * @param headers request headers, names in any case
   * @throws ConnectorException (permanent, status 401) when the signature is missing or wrong
   */
  void verify(Map<String, String> headers, byte[] body);

  /**
   * Reads the posts of a delivery whose signature was verified.
   *
   * @param receivedAt when the delivery arrived (the creation time of posts that carry none)
   * @throws ConnectorException (permanent, status 400) when the body is not the expected JSON
   */
  List<Post> parse(byte[] body, Instant receivedAt);

  /** Verifies and parses one delivery. */
  default List<Post> receive(Map<String, String> headers, byte[] body, Instant receivedAt) {
    verify(headers, body);
    return new ArrayList<>(parse(body, receivedAt));
  }

  /**
   * Answers a subscription check (for example Facebook's {@code hub.challenge}); empty when the
   * query is not a valid check.
   */
  default Optional<String> challenge(Map<String, String> query) {
    return Optional.empty();
  }
}
