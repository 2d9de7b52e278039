package dev.outpost.app.cli;

import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outpost query ...}: tools for saved queries. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Work with saved queries (see docs/queries.md for the language).",
    subcommands = {QueryCommand.Check.class})
public final class QueryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code outpost query check 'EXPR'}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a query: prints its normalised form and exits 0,",
        "or prints 'error at column N: ...' to standard error and exits 2."
      })
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The query, quoted for the shell.")
    String expr;

    @Override
    public Integer call() {
      QueryCheck check = QueryEngine.check(expr);
      if (check.ok()) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(check.normalised());
        out.flush();
        return 0;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("error at column " + check.column() + ": " + check.message());
      err.flush();
      return 2;
    }
  }
}
