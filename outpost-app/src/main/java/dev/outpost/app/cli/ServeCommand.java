package dev.outpost.app.cli;

import dev.outpost.app.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost serve --config FILE}: the production start, configured by a YAML file. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start Outpost as configured in a YAML file (see docs/configuration.md): an external"
          + " PostgreSQL by JDBC URL or the embedded one, topics and sources."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "The configuration file (YAML).")
  Path config;

  @Override
  public Integer call() {
    try {
      var loaded = ConfigLoader.withSystemEnvironment().load(config);
      return Running.runUntilStopped(loaded, spec.commandLine().getOut(), "Outpost");
    } catch (ConfigLoader.ConfigException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }
}
