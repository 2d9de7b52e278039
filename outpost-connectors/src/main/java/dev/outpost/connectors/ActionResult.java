package dev.outpost.connectors;

import java.util.Objects;
import java.util.Optional;

/**
 * What an acting call created on the network.
 *
 * @param externalId the network's id of the created post, follow or message
 * @param url a link to it, when the network gives one
 */
public record ActionResult(String externalId, Optional<String> url) {
  public ActionResult {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(url, "url");
  }
}
