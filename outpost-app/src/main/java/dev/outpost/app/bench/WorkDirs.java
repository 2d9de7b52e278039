package dev.outpost.app.bench;

import dev.outpost.app.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Where benchmarks put their databases: a given folder, or a temporary one removed afterwards. */
public final class WorkDirs {
  private WorkDirs() {}

  /** The given folder, or a fresh temporary one (removed by {@link #cleanUp}). */
  public static Path create(Optional<Path> given) {
    if (given.isPresent()) {
      return given.get();
    }
    try {
      return Files.createTempDirectory("outpost-bench-");
    } catch (IOException e) {
      throw new UserError("cannot make a temporary directory: " + e.getMessage());
    }
  }

  /** Removes a temporary folder made by {@link #create}; a given one is left as it is. */
  public static void cleanUp(Optional<Path> given, Path dir) {
    if (given.isEmpty()) {
      deleteTree(dir);
    }
  }

  /** Deletes a folder and everything in it, as far as it can (best effort). */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(WorkDirs::delete);
    } catch (IOException | UncheckedIOException e) {
      // a benchmark's scratch folder; the system's temporary files are cleaned eventually
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
