package dev.outpost.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outpost bench ...}: end-to-end benchmarks that print JSON lines, a summary last. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print one JSON line per measurement, a summary last.",
    subcommands = {BenchOverloadCommand.class, BenchSoakCommand.class})
public final class BenchCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The given data directory, or a fresh temporary one (deleted by {@link #cleanUp}). */
  static Path dataDir(Optional<Path> given) {
    if (given.isPresent()) {
      return given.get();
    }
    try {
      return Files.createTempDirectory("outpost-bench");
    } catch (IOException e) {
      throw new UserError("cannot make a temporary directory: " + e.getMessage());
    }
  }

  static void cleanUp(Optional<Path> given, Path dir) {
    if (given.isPresent()) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BenchCommand::delete);
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the system cleans it up eventually
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
