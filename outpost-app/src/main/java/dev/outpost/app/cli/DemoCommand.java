package dev.outpost.app.cli;

import dev.outpost.app.DemoConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost demo}: the whole product on embedded PostgreSQL, replaying real posts live. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start Outpost with embedded PostgreSQL and demo data replayed as a live stream.",
      "With ../shared/data present it replays the Twitter US Airline Sentiment posts (United as"
          + " the brand, the other airlines as competitors); otherwise a small bundled set.",
      "A restart keeps what was stored and resumes the replay where it stopped."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(
      names = "--data-dir",
      description = "Where the embedded database keeps its files (default ~/.outpost).")
  Path dataDir;

  @Option(
      names = "--speed",
      defaultValue = "300",
      description =
          "Replay speed, times real time (default ${DEFAULT-VALUE}; 0 = as fast as possible).")
  double speed;

  @Option(
      names = "--shared-data",
      description = "The shared data folder (default $OUTPOST_SHARED_DATA or ../shared/data).")
  Path sharedData;

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new UserError("--port must be between 0 and 65535, was " + port, 2);
    }
    if (speed < 0 || Double.isNaN(speed)) {
      throw new UserError("--speed must be >= 0, was " + speed, 2);
    }
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".outpost");
    var config = DemoConfig.of(host, port, dir, Optional.ofNullable(sharedData), speed);
    return Running.runUntilStopped(config, spec.commandLine().getOut(), "Outpost demo", true);
  }
}
