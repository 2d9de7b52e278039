package dev.outpost.app;

import dev.outpost.app.cli.BenchCommand;
import dev.outpost.app.cli.QueryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code outpost} command line: one subcommand per task, each with its own --help. */
@Command(
    name = "outpost",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Social listening, customer care and crisis response.%n",
    subcommands = {
      CommandLine.HelpCommand.class,
      QueryCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 usage error). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Errors());
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
