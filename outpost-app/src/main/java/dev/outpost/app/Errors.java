package dev.outpost.app;

import dev.outpost.app.cli.UserError;
import dev.outpost.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line a person can act on ({@code error: ...}) and an exit code of 1; the
 * stack trace goes to the log at debug level only.
 */
final class Errors implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String message =
        switch (e) {
          case UserError u -> u.getMessage();
          case StoreException s -> s.getMessage();
          default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    LOG.debug("command failed", e);
    cli.getErr().println("error: " + message);
    cli.getErr().flush();
    return e instanceof UserError u ? u.exitCode() : 1;
  }
}
