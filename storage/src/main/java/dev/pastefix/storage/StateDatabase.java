package dev.pastefix.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pastefix.core.state.BotState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state database of one process: a connection pool, the schema migrated at start-up, the stores
 * over it, and a background purge of expired rows. A database that cannot be reached, or whose
 * schema is newer than this version knows, fails {@link #open} with a message naming the URL
 * without its password.
 */
public final class StateDatabase implements AutoCloseable {
  /** How often expired rows are deleted. */
  public static final Duration PURGE_EVERY = Duration.ofMinutes(5);

  /** How long a statement waits for a connection before the store counts as unavailable. */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

  /** Connections per process; every operation is one short statement. */
  public static final int POOL_SIZE = 8;

  private static final Logger LOG = LoggerFactory.getLogger(StateDatabase.class);

  private final DatabaseTarget target;
  private final HikariDataSource pool;
  private final BotState state;
  private final String schemaVersion;
  private ScheduledExecutorService purger;

  private StateDatabase(
      DatabaseTarget target, HikariDataSource pool, BotState state, String schemaVersion) {
    this.target = target;
    this.pool = pool;
    this.state = state;
    this.schemaVersion = schemaVersion;
  }

  /**
   * Connects, migrates the schema and builds the stores; {@code retention} is how long the answer
   * log keeps its rows.
   *
   * @throws StateStoreException when the database cannot be reached or is newer than this version
   */
  public static StateDatabase open(DatabaseTarget target, Clock clock, Duration retention) {
    Objects.requireNonNull(target, "target");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(poolConfig(target));
    } catch (RuntimeException e) {
      throw new StateStoreException(
          "cannot reach the state database at " + target.describe() + ": " + rootMessage(e), e);
    }
    try {
      String version = migrate(pool, target);
      Sql sql = new Sql(pool, target.describe());
      Dialect dialect = target.isPostgres() ? Dialect.POSTGRESQL : Dialect.H2;
      BotState state =
          new BotState(
              new JdbcSeenEvents(sql, dialect, clock),
              new JdbcConversationStore(sql, dialect, clock),
              new JdbcPendingCheckStore(sql, dialect, clock),
              new JdbcShareableReplies(sql, clock),
              new JdbcFeedbackStore(sql, dialect),
              new JdbcAnswerLog(sql, clock, retention));
      return new StateDatabase(target, pool, state, version);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariConfig poolConfig(DatabaseTarget target) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.url());
    target.user().ifPresent(config::setUsername);
    target.password().ifPresent(config::setPassword);
    config.setPoolName("pastefix-state");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(500);
    // Fail at start when the first connection cannot be made: the caller reports it and exits.
    config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setAutoCommit(true);
    return config;
  }

  private static String migrate(HikariDataSource pool, DatabaseTarget target) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/migration")
            .table("pastefix_schema_history")
            .load();
    MigrationVersion known = MigrationVersion.EMPTY;
    List<String> future = new ArrayList<>();
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() == null) {
        continue;
      }
      if (info.getState().name().startsWith("FUTURE")) {
        future.add(info.getVersion().getVersion());
      } else if (info.getVersion().compareTo(known) > 0) {
        known = info.getVersion();
      }
    }
    if (!future.isEmpty()) {
      throw new StateStoreException(
          "the state database at "
              + target.describe()
              + " was written by a newer pastefix (schema version "
              + future.get(future.size() - 1)
              + "; this version knows up to "
              + known.getVersion()
              + "). Upgrade pastefix, or point it at another database.");
    }
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (RuntimeException e) {
      throw new StateStoreException(
          "cannot migrate the state database at " + target.describe() + ": " + rootMessage(e), e);
    }
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "state database {} migrated to schema version {}",
          target.describe(),
          result.targetSchemaVersion);
    }
    return flyway.info().current() == null
        ? "0"
        : flyway.info().current().getVersion().getVersion();
  }

  /** The stores. */
  public BotState state() {
    return state;
  }

  /** The database as logs show it: its URL without any password. */
  public String describe() {
    return target.describe();
  }

  /** The schema version in use. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** Deletes expired rows every {@link #PURGE_EVERY} in the background until closed. */
  public synchronized void startPurging(BotState purged) {
    if (purger != null) {
      return;
    }
    purger =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pastefix-state-purge");
              t.setDaemon(true);
              return t;
            });
    purger.scheduleWithFixedDelay(
        () -> {
          try {
            int dropped = purged.purgeExpired();
            LOG.debug("purged {} expired state rows", dropped);
          } catch (RuntimeException e) {
            LOG.debug("purging expired state failed", e);
          }
        },
        PURGE_EVERY.toMillis(),
        PURGE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (purger != null) {
      purger.shutdownNow();
    }
    pool.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.replace(System.lineSeparator(), " ");
  }
}
