package dev.outpost.enrich.sentiment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

final class SharedData {
  private SharedData() {}

  static Path dir(String sub) {
    Path root = Path.of(System.getProperty("outpost.shared.data", "../../shared/data"));
    Path p = root.resolve(sub);
    assumeTrue(Files.isDirectory(p), "shared data not found at " + p + "; skipping");
    return p;
  }
}
