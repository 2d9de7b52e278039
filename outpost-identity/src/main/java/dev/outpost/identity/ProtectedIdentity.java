package dev.outpost.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One identity the organisation owns: a handle on a network, a display name, a web domain, or an
 * avatar (a 64-bit perceptual hash).
 *
 * @param kind what the value is
 * @param network the network of a handle (lower case, for example {@code x}); empty otherwise
 * @param value the handle without {@code @}, the name, the domain (lower case), or the avatar hash
 *     as 16 hex digits
 */
public record ProtectedIdentity(Kind kind, String network, String value) {
  /** The kinds of protected identity. */
  public enum Kind {
    HANDLE,
    NAME,
    DOMAIN,
    AVATAR
  }

  private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9._-]{0,39}");
  private static final Pattern HEX64 = Pattern.compile("(0x)?[0-9a-fA-F]{16}");

  public ProtectedIdentity {
    Objects.requireNonNull(kind, "kind");
    network = network == null ? "" : network.strip().toLowerCase(Locale.ROOT);
    value = value == null ? "" : value.strip();
    if (kind == Kind.HANDLE) {
      value = Fold.strip(value);
    }
    if (kind == Kind.DOMAIN) {
      value = value.toLowerCase(Locale.ROOT);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty " + kind.name().toLowerCase(Locale.ROOT));
    }
  }

  /** A handle on a network, for example {@code handle("x", "@AcmeSupport")}. */
  public static ProtectedIdentity handle(String network, String handle) {
    return new ProtectedIdentity(Kind.HANDLE, network, handle);
  }

  /** A display name, for example {@code name("Acme Support")}. */
  public static ProtectedIdentity name(String displayName) {
    return new ProtectedIdentity(Kind.NAME, "", displayName);
  }

  /** A web domain the brand owns, for example {@code domain("acme.com")}. */
  public static ProtectedIdentity domain(String domain) {
    return new ProtectedIdentity(Kind.DOMAIN, "", domain);
  }

  /** An avatar by its 64-bit perceptual hash (see {@link ImpersonationScorer#avatarHash}). */
  public static ProtectedIdentity avatar(long hash) {
    return new ProtectedIdentity(Kind.AVATAR, "", String.format(Locale.ROOT, "%016x", hash));
  }

  /**
   * Reads the protected-identities file format: one identity per line, {@code network:@handle},
   * {@code name:Display Name}, {@code domain:example.com} or {@code avatar:FILE-or-16-hex-digits}
   * (a relative file is resolved against {@code baseDir}); blank lines and lines starting with
   * {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the first malformed line ({@code line 3: ...})
   */
  public static List<ProtectedIdentity> parse(List<String> lines, Path baseDir) {
    List<ProtectedIdentity> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(parseLine(line, baseDir));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  private static ProtectedIdentity parseLine(String line, Path baseDir) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "expected network:@handle, name:Display Name, domain:example.com or avatar:FILE, got '"
              + abbreviate(line)
              + "'");
    }
    String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String rest = line.substring(colon + 1).strip();
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("nothing after '" + key + ":'");
    }
    return switch (key) {
      case "name" -> name(rest);
      case "domain" -> domain(checkedDomain(rest));
      case "avatar" ->
          HEX64.matcher(rest).matches()
              ? avatar(Long.parseUnsignedLong(rest.replaceFirst("^0x", ""), 16))
              : avatar(ImageHash.ofFile(baseDir.resolve(rest)));
      default -> {
        if (!NETWORK.matcher(key).matches()) {
          throw new IllegalArgumentException("'" + abbreviate(key) + "' is not a network name");
        }
        if (!rest.startsWith("@")) {
          throw new IllegalArgumentException(
              "a handle starts with @, got '" + abbreviate(rest) + "'");
        }
        if (Fold.strip(rest).isEmpty() || rest.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("'" + abbreviate(rest) + "' is not a handle");
        }
        yield handle(key, rest);
      }
    };
  }

  private static String checkedDomain(String raw) {
    String d = raw.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    if (!Domains.isDomain(d)) {
      throw new IllegalArgumentException("'" + abbreviate(raw) + "' is not a domain");
    }
    return d;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** How the identity is written in the protected file, for reasons and reports. */
  public String label() {
    return switch (kind) {
      case HANDLE -> network + ":@" + value;
      case NAME -> "name:" + value;
      case DOMAIN -> "domain:" + value;
      case AVATAR -> "avatar:" + value;
    };
  }
}
