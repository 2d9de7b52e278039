package dev.outpost.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL will not run as root. When Outpost runs as root (containers, CI), its server runs in a
 * user namespace where it is an ordinary user ({@code unshare --user --map-user}); outside the
 * namespace the files and processes are still the caller's.
 */
final class Unprivileged {
  private static final List<String> PREFIX = computePrefix();

  private Unprivileged() {}

  static List<String> prefix() {
    return PREFIX;
  }

  private static List<String> computePrefix() {
    if (effectiveUid() != 0) {
      return List.of();
    }
    String id = nobodyId();
    return List.of("unshare", "--user", "--map-user=" + id, "--map-group=" + id);
  }

  private static int effectiveUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
  }

  /** The uid of 'nobody' when /etc/passwd has it (initdb needs a named user), else 65534. */
  private static String nobodyId() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
        String[] f = line.split(":");
        if (f.length > 3 && f[0].equals("nobody")) {
          return f[2];
        }
      }
    } catch (IOException e) {
      // fall through to the conventional id
    }
    return "65534";
  }
}
