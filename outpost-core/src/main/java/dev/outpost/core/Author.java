package dev.outpost.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The account that wrote a post, as seen on its network.
 *
 * @param network the network id, for example {@code mastodon} or {@code x}
 * @param handle the account's handle without a leading {@code @}
 * @param displayName the name shown beside the handle; may equal the handle
 * @param followers how many accounts follow this one, 0 when unknown
 * @param verified whether the network marks the account as verified
 * @param createdAt when the account was opened, when the network says
 */
public record Author(
    String network,
    String handle,
    String displayName,
    long followers,
    boolean verified,
    Optional<Instant> createdAt) {

  public Author {
    network = Validate.networkId(network);
    handle = Validate.notBlank("author handle", handle).strip();
    if (handle.startsWith("@")) {
      handle = Validate.notBlank("author handle", handle.substring(1));
    }
    Validate.maxLength("author handle", handle, 256);
    displayName = displayName == null || displayName.isBlank() ? handle : displayName.strip();
    Validate.maxLength("author display name", displayName, 512);
    if (followers < 0) {
      throw new IllegalArgumentException("author followers must be >= 0, was " + followers);
    }
    Objects.requireNonNull(createdAt, "author createdAt (use Optional.empty())");
  }

  /** An author known only by network and handle. */
  public static Author of(String network, String handle) {
    return new Author(network, handle, handle, 0, false, Optional.empty());
  }
}
