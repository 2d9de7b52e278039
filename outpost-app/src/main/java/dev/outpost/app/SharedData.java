package dev.outpost.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the shared data folder is: the option given, else the {@code outpost.shared.data} system
 * property (the build sets it for tests), else {@code $OUTPOST_SHARED_DATA}, else {@code
 * shared/data} beside the repository (the launcher passes its root as {@code outpost.home}), else
 * {@code ../shared/data} from the working directory.
 */
public final class SharedData {
  private SharedData() {}

  public static Optional<Path> find(Optional<Path> option) {
    if (option.isPresent()) {
      return option;
    }
    String property = System.getProperty("outpost.shared.data");
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    String env = System.getenv("OUTPOST_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    }
    String home = System.getProperty("outpost.home", ".");
    return List.of(Path.of(home, "..", "shared", "data"), Path.of("..", "shared", "data")).stream()
        .filter(Files::isDirectory)
        .map(Path::normalize)
        .findFirst();
  }
}
