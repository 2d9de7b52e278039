package dev.outpost.connectors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** URL and form encoding. */
public final class Forms {
  private Forms() {}

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code application/x-www-form-urlencoded} of the pairs, in order. */
  public static String form(Map<String, String> pairs) {
    return pairs.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }
}
