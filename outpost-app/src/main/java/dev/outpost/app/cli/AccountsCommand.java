package dev.outpost.app.cli;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.Role;
import dev.outpost.accounts.Secrets;
import dev.outpost.app.config.ConfigLoader;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outpost user add|passwd|disable} and {@code outpost secret set|list|rotate}: account and
 * secret administration against the database of a configuration file or a data directory, while
 * Outpost is stopped (the embedded database) or running (an external one). Passwords and secret
 * values are read from standard input, never from the command line (shell history, ps).
 */
public final class AccountsCommand {
  private AccountsCommand() {}

  /** Where the database is: {@code --config FILE} or {@code --data-dir DIR} (embedded). */
  public static final class Target {
    @Option(names = "--config", description = "The configuration file (YAML).")
    Path config;

    @Option(
        names = "--data-dir",
        description = "The embedded database's directory (default ~/.outpost).")
    Path dataDir;

    OutpostConfig load() {
      if (config != null && dataDir != null) {
        throw new UserError("give --config or --data-dir, not both", 2);
      }
      if (config != null) {
        try {
          return ConfigLoader.withSystemEnvironment().load(config);
        } catch (ConfigLoader.ConfigException e) {
          throw new UserError(e.getMessage(), 2);
        }
      }
      Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".outpost");
      return new OutpostConfig(
          new OutpostConfig.Server(null, null),
          new OutpostConfig.Database(null, null, null, dir.toString()),
          java.util.List.of(),
          java.util.List.of());
    }
  }

  /** Opens the database and runs {@code work} with accounts and secrets. */
  static int with(Target target, Work work) {
    OutpostConfig config = target.load();
    OutpostConfig.Database db = config.database();
    try (Database database =
        db.externalUrl().isPresent()
            ? Database.external(db.externalUrl().get(), db.user(), db.password())
            : Database.embedded(db.dataDirectory())) {
      var audit = new PostgresAuditLog(database.dataSource());
      Accounts accounts =
          new Accounts(database.dataSource(), Clock.systemUTC(), audit, Accounts.Settings.DEFAULTS);
      Secrets secrets =
          new Secrets(
              database.dataSource(),
              config.security().keyFile().orElse(db.dataDirectory().resolve("secrets.key")),
              Clock.systemUTC(),
              audit);
      return work.run(accounts, secrets);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  interface Work {
    int run(Accounts accounts, Secrets secrets);
  }

  static String firstLine(String what) {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new UserError(what + " is read from standard input, which was empty", 2);
      }
      return line;
    } catch (IOException e) {
      throw new UserError("cannot read " + what + " from standard input: " + e.getMessage());
    }
  }

  @Command(
      name = "user",
      mixinStandardHelpOptions = true,
      description = "Add users, set passwords, disable accounts.",
      subcommands = {Add.class, Passwd.class, Disable.class})
  public static final class User implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user; the password is the first line of standard input.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Parameters(index = "0", description = "User name.")
    String name;

    @Option(
        names = "--role",
        defaultValue = "read-only",
        description = "read-only, analyst, agent, manager or admin (default ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() {
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), 2);
      }
      String password = firstLine("the password");
      return with(
          target,
          (accounts, secrets) -> {
            accounts.createUser(name, r, password, "cli");
            out(spec)
                .printf(java.util.Locale.ROOT, "user %s added with role %s%n", name, r.label())
                .flush();
            return 0;
          });
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description =
          "Set a user's password (first line of standard input) and sign them out everywhere.")
  static final class Passwd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Parameters(index = "0", description = "User name.")
    String name;

    @Override
    public Integer call() {
      String password = firstLine("the password");
      return with(
          target,
          (accounts, secrets) -> {
            accounts.setPassword(name, password, "cli");
            out(spec).printf(java.util.Locale.ROOT, "password of %s changed%n", name).flush();
            return 0;
          });
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user: their sessions end and their API tokens stop.")
  static final class Disable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Parameters(index = "0", description = "User name.")
    String name;

    @Override
    public Integer call() {
      return with(
          target,
          (accounts, secrets) -> {
            accounts.setDisabled(name, true, "cli");
            out(spec).printf(java.util.Locale.ROOT, "user %s disabled%n", name).flush();
            return 0;
          });
    }
  }

  @Command(
      name = "secret",
      mixinStandardHelpOptions = true,
      description = "Store, list and rotate encrypted secrets (use them as secret:NAME).",
      subcommands = {Set.class, ListNames.class, Rotate.class})
  public static final class Secret implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Store a secret; the value is the first line of standard input.")
  static final class Set implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Parameters(index = "0", description = "Secret name.")
    String name;

    @Override
    public Integer call() {
      String value = firstLine("the secret's value");
      return with(
          target,
          (accounts, secrets) -> {
            secrets.set(name, value, "cli");
            out(spec)
                .printf(
                    java.util.Locale.ROOT,
                    "secret %s stored; refer to it as secret:%s%n",
                    name,
                    name)
                .flush();
            return 0;
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Secret names, no values.")
  static final class ListNames implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Override
    public Integer call() {
      return with(
          target,
          (accounts, secrets) -> {
            secrets.names().forEach(n -> out(spec).println(n));
            out(spec).flush();
            return 0;
          });
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Add a new key to the key file and re-encrypt every secret with it.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Override
    public Integer call() {
      return with(
          target,
          (accounts, secrets) -> {
            out(spec)
                .printf(
                    java.util.Locale.ROOT,
                    "%d secrets re-encrypted with a new key%n",
                    secrets.rotate("cli"))
                .flush();
            return 0;
          });
    }
  }

  private static PrintWriter out(CommandSpec spec) {
    return spec.commandLine().getOut();
  }
}
