package dev.outpost.identity;

import com.google.common.net.InternetDomainName;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds web domains in free text and reduces them to the registered domain (Public Suffix List).
 */
final class Domains {
  private static final Pattern HOST =
      Pattern.compile(
          "(?i)(?:https?://)?((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
              + "[\\p{L}]{2,24})(?=$|[./:?#\\s),;!\"'>\\]])");
  private static final Set<String> SHORTENERS =
      Set.of(
          "bit.ly",
          "tinyurl.com",
          "goo.gl",
          "ow.ly",
          "is.gd",
          "cutt.ly",
          "rebrand.ly",
          "shorturl.at",
          "rb.gy",
          "t.ly",
          "tiny.cc",
          "buff.ly",
          "wa.me",
          "linktr.ee");

  private Domains() {}

  /** The distinct hosts mentioned in a text, lower case, at most 20. */
  static Set<String> hosts(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = HOST.matcher(text.length() > 10_000 ? text.substring(0, 10_000) : text);
    while (m.find() && out.size() < 20) {
      String host = m.group(1).toLowerCase(Locale.ROOT);
      if (isDomain(host)) {
        out.add(host);
      }
    }
    return out;
  }

  /** True for a syntactically valid host under a public suffix ({@code acme.co.uk}). */
  static boolean isDomain(String host) {
    try {
      return InternetDomainName.isValid(host)
          && InternetDomainName.from(host).isUnderPublicSuffix();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  /** The registered ("top private") domain of a host: {@code login.acme.co.uk} to acme.co.uk. */
  static Optional<String> registered(String host) {
    try {
      return Optional.of(InternetDomainName.from(host).topPrivateDomain().toString());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** The registered domain without its public suffix: {@code acme.co.uk} to {@code acme}. */
  static String label(String registered) {
    try {
      InternetDomainName d = InternetDomainName.from(registered);
      Optional<InternetDomainName> suffix = Optional.ofNullable(d.publicSuffix());
      int cut = suffix.map(s -> registered.length() - s.toString().length() - 1).orElse(-1);
      return cut > 0 ? registered.substring(0, cut) : registered;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return registered;
    }
  }

  /** True when the host is a known link shortener or messaging redirect. */
  static boolean isShortener(String registered) {
    return SHORTENERS.contains(registered);
  }
}
