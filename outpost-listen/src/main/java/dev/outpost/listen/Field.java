package dev.outpost.listen;

import java.util.Locale;
import java.util.Optional;

/** The fields a query can name, each a field of the per-post Lucene document. */
enum Field {
  TEXT,
  RAW,
  TAG,
  MENTION,
  URL,
  SITE,
  AUTHOR,
  LANG,
  NETWORK,
  COUNTRY,
  FOLLOWERS,
  VERIFIED;

  /** The Lucene field name. */
  final String lucene = name().toLowerCase(Locale.ROOT);

  /** The fields written as {@code name:value} in a query. */
  static Optional<Field> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "raw" -> Optional.of(RAW);
      case "url" -> Optional.of(URL);
      case "site" -> Optional.of(SITE);
      case "author" -> Optional.of(AUTHOR);
      case "lang" -> Optional.of(LANG);
      case "network" -> Optional.of(NETWORK);
      case "country" -> Optional.of(COUNTRY);
      case "followers" -> Optional.of(FOLLOWERS);
      case "verified" -> Optional.of(VERIFIED);
      default -> Optional.empty();
    };
  }

  static final String KNOWN = "raw, url, site, author, lang, network, country, followers, verified";
}
