package dev.outpost.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM on the test class path that the crash tests start, read the log of, and kill. */
final class ChildJvm {
  private ChildJvm() {}

  /** Starts {@code mainClass} with the arguments; its output goes to {@code log}. */
  static Process start(String heap, String mainClass, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * Waits until the log has a line matching the pattern; returns its first group (or the whole
   * match when it has none).
   */
  static String await(Process p, Path log, Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : m.group();
      }
      if (!p.isAlive() && !pattern.matcher(Files.readString(log)).find()) {
        throw new AssertionError("the process exited early:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line " + pattern + " in:\n" + Files.readString(log));
  }
}
