package dev.outpost.app;

import dev.outpost.app.cli.BenchCommand;
import dev.outpost.app.cli.ClassifyCommand;
import dev.outpost.app.cli.DemoCommand;
import dev.outpost.app.cli.EnrichBenchCommand;
import dev.outpost.app.cli.EvaluateCommand;
import dev.outpost.app.cli.ImpersonationCommand;
import dev.outpost.app.cli.ImpersonationEvalCommand;
import dev.outpost.app.cli.QueryCommand;
import dev.outpost.app.cli.ServeCommand;
import dev.outpost.app.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code outpost} command line: one subcommand per task, each with its own --help. */
@Command(
    name = "outpost",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Social listening, customer care and crisis response.%n",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ImpersonationCommand.class,
      ImpersonationEvalCommand.class,
      ClassifyCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      EnrichBenchCommand.class,
      dev.outpost.app.cli.DetectCommand.class,
      QueryCommand.class,
      BenchCommand.class,
      dev.outpost.app.cli.AccountsCommand.User.class,
      dev.outpost.app.cli.AccountsCommand.Secret.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 usage error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs a command line writing to the given streams (for tests and embedding). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  private static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Errors());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
