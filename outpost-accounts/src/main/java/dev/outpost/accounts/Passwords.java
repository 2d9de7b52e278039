package dev.outpost.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so the cost can be raised later without breaking
 * stored hashes.
 */
final class Passwords {
  static final int MIN_LENGTH = 12;
  private static final int MEMORY_KIB = 19_456; // OWASP's minimum for Argon2id
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private Passwords() {}

  static void checkStrength(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "password must have at least " + MIN_LENGTH + " characters");
    }
  }

  static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, 32);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      int v = Integer.parseInt(kv.substring(2));
      switch (kv.charAt(0)) {
        case 'm' -> m = v;
        case 't' -> t = v;
        case 'p' -> p = v;
        default -> {
          return false;
        }
      }
    }
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = derive(password, B64D.decode(parts[4]), m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** A hash to compare against when the user does not exist, so timing does not tell. */
  static final String DUMMY = hash("not-a-real-password-0000");

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int len) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[len];
    gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  /** A random password of 20 letters and digits (about 119 bits), for the first admin. */
  static String generate() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A random URL-safe value with 256 bits, for session ids, CSRF and API tokens. */
  static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String value) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
