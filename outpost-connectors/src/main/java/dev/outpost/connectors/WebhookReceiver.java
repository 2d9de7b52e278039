package dev.outpost.connectors;

import dev.outpost.core.Post;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives posts pushed by a network. The web server hands over each request; the receiver checks
 * its signature and returns the posts it carries.
 */
public interface WebhookReceiver {
  /**
   * Verifies and parses one delivery.
   *
   * @param headers request headers, names in any case
   * @throws ConnectorException (permanent) when the signature is missing or wrong, or the body is
   *     not the expected JSON
   */
  List<Post> receive(Map<String, String> headers, byte[] body);

  /**
   * Answers a subscription check (for example Facebook's {@code hub.challenge}); empty when the
   * query is not a valid check.
   */
  default Optional<String> challenge(Map<String, String> query) {
    return Optional.empty();
  }
}
