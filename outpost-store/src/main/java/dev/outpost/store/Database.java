package dev.outpost.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An open, migrated PostgreSQL database: embedded (started by Outpost under a data directory) or
 * external (by JDBC URL). Closing it closes the pool and stops an embedded server.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Optional<EmbeddedPostgres> embedded;
  private final String description;

  private Database(
      HikariDataSource dataSource, Optional<EmbeddedPostgres> embedded, String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.description = description;
  }

  /** Starts the embedded server under {@code dataDir} and migrates the schema. */
  public static Database embedded(Path dataDir) {
    EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir);
    try {
      return open(pg.jdbcUrl(), pg.user(), pg.password(), Optional.of(pg), "embedded PostgreSQL");
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  /** Connects to an external server and migrates the schema. */
  public static Database external(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new StoreException(
          "database url must start with jdbc:postgresql://, was '" + jdbcUrl + "'");
    }
    return open(jdbcUrl, user, password, Optional.empty(), "PostgreSQL at " + jdbcUrl);
  }

  private static Database open(
      String url, String user, String password, Optional<EmbeddedPostgres> pg, String what) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(10_000);
    config.setPoolName("outpost");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreException("cannot connect to " + what + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("cannot migrate the schema of " + what + ": " + rootMessage(e), e);
    }
    return new Database(ds, pg, what);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** For messages: which database this is (never includes a password). */
  public String description() {
    return description;
  }

  /**
   * Fault injection for reliability tests, never used by the product: stops the embedded server at
   * once, as a crash of PostgreSQL would. The pool stays open and recovers once {@link
   * #restartEmbeddedServer} has run.
   *
   * @throws StoreException for an external database
   */
  public void crashEmbeddedServer() {
    embedded.orElseThrow(() -> new StoreException("not an embedded database")).crash();
  }

  /** Starts the embedded server again after {@link #crashEmbeddedServer}, on the same port. */
  public void restartEmbeddedServer() {
    embedded.orElseThrow(() -> new StoreException("not an embedded database")).restartAfterCrash();
  }

  @Override
  public void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedPostgres::close);
  }
}
