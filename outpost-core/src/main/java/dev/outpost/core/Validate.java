package dev.outpost.core;

import java.util.regex.Pattern;

/** Argument checks shared by the domain records; every message names the field at fault. */
final class Validate {
  private static final Pattern NETWORK_ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private Validate() {}

  static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static String maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, was " + value.length());
    }
    return value;
  }

  static String networkId(String network) {
    notBlank("network", network);
    if (!NETWORK_ID.matcher(network).matches()) {
      throw new IllegalArgumentException(
          "network must be a lower-case id like 'mastodon' or 'x', was '" + network + "'");
    }
    return network;
  }
}
