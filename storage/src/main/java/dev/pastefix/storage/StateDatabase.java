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

  /** Connections per process; every operation is one short statement. */
  public static final int POOL_SIZE = 8;

  /**
   * How long a call may take before the database counts as unavailable for it: waiting for a pooled
   * connection ({@code connection}), for one statement ({@code statement}), for the server to say
   * anything on an open connection ({@code socket}, PostgreSQL), to open a connection ({@code
   * connect}), and for one statement of background work such as a purge ({@code patient}).
   */
  public record Deadlines(
      Duration connection,
      Duration statement,
      Duration socket,
      Duration connect,
      Duration patient) {
    /**
     * A running bot's: a platform waits for its acknowledgement on a claim, and Slack wants that
     * within 3 seconds, so one statement (with its wait for a connection) stays well inside it.
     */
    public static final Deadlines SERVING =
        new Deadlines(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    /** A command's, such as {@code stats}: nobody waits on an acknowledgement, reads are long. */
    public static final Deadlines TOOLS =
        new Deadlines(
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            Duration.ofSeconds(5),
            Duration.ofSeconds(300));

    public Deadlines {
      for (Duration d : List.of(connection, statement, socket, connect, patient)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("every deadline must be positive: " + d);
        }
      }
      if (connection.toMillis() < 250) {
        // HikariCP's own floor for the wait on a connection.
        throw new IllegalArgumentException("the connection deadline must be at least 250 ms");
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(StateDatabase.class);

  private final DatabaseTarget target;
  private final HikariDataSource pool;
  private final Sql sql;
  private final BotState state;
  private final String schemaVersion;
  private ScheduledExecutorService purger;

  private StateDatabase(
      DatabaseTarget target, HikariDataSource pool, Sql sql, BotState state, String schemaVersion) {
    this.target = target;
    this.pool = pool;
    this.sql = sql;
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
    return open(target, clock, retention, Deadlines.TOOLS);
  }

  /**
   * As {@link #open(DatabaseTarget, Clock, Duration)}, every call bounded by {@code deadlines}.
   *
   * @throws StateStoreException when the database cannot be reached or is newer than this version
   */
  public static StateDatabase open(
      DatabaseTarget target, Clock clock, Duration retention, Deadlines deadlines) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(deadlines, "deadlines");
    HikariDataSource pool = connect(target, deadlines);
    try {
      String version = migrate(pool, target);
      Sql sql = new Sql(pool, target.describe(), deadlines.statement(), deadlines.patient());
      Dialect dialect = target.isPostgres() ? Dialect.POSTGRESQL : Dialect.H2;
      BotState state =
          new BotState(
              new JdbcSeenEvents(sql, dialect, clock),
              new JdbcConversationStore(sql, dialect, clock),
              new JdbcPendingCheckStore(sql, dialect, clock),
              new JdbcShareableReplies(sql, clock),
              new JdbcFeedbackStore(sql, dialect),
              new JdbcAnswerLog(sql, dialect, clock, retention),
              new JdbcTrustedEndpoints(sql, dialect, clock));
      // The files H2 just created carry the process's umask: owner-only like the directory.
      target.dataDir().ifPresent(DataDirectory::tighten);
      return new StateDatabase(target, pool, sql, state, version);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** H2's error for a file another process holds open. */
  private static final int H2_ALREADY_OPEN = 90020;

  /** H2's error for a wrong user or password. */
  private static final int H2_WRONG_PASSWORD = 28000;

  private static HikariDataSource connect(DatabaseTarget target, Deadlines deadlines) {
    try {
      return new HikariDataSource(poolConfig(target, deadlines));
    } catch (RuntimeException e) {
      if (target.dataDir().isPresent() && h2Error(e) == H2_WRONG_PASSWORD) {
        return connectSettingPassword(target, deadlines, e);
      }
      throw unreachable(target, e);
    }
  }

  /**
   * An embedded database made before it had a password (account {@code sa}, empty password) gets
   * the password of the data directory's file, once.
   */
  private static HikariDataSource connectSettingPassword(
      DatabaseTarget target, Deadlines deadlines, RuntimeException refused) {
    DatabaseTarget legacy = target.withoutPassword();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(legacy.url(), legacy.user().orElse("sa"), "");
        java.sql.Statement s = c.createStatement()) {
      String password = target.password().orElseThrow();
      if (!password.matches("[A-Za-z0-9_-]+")) {
        throw new StateStoreException(
            "the password in " + DataDirectory.PASSWORD_FILE + " holds unexpected characters");
      }
      s.execute("alter user " + legacy.user().orElse("sa") + " set password '" + password + "'");
      LOG.info("the embedded state database now has the password kept in its data directory");
    } catch (java.sql.SQLException e) {
      StateStoreException failure =
          new StateStoreException(
              "the state database at "
                  + target.describe()
                  + " refuses the password kept in "
                  + DataDirectory.PASSWORD_FILE
                  + " beside it; restore that file, or move the database files away to start"
                  + " with an empty state",
              refused);
      failure.addSuppressed(e);
      throw failure;
    }
    try {
      return new HikariDataSource(poolConfig(target, deadlines));
    } catch (RuntimeException e) {
      throw unreachable(target, e);
    }
  }

  private static StateStoreException unreachable(DatabaseTarget target, RuntimeException e) {
    if (h2Error(e) == H2_ALREADY_OPEN) {
      return new StateStoreException(
          "the state database at "
              + target.describe()
              + " is open in another pastefix process (the embedded database belongs to one"
              + " process at a time and serves no other). Stop that process to read it, or keep"
              + " the state in PostgreSQL (PASTEFIX_DATABASE_URL) to read it while the bot runs.",
          e);
    }
    return new StateStoreException(
        "cannot reach the state database at " + target.describe() + ": " + rootMessage(e), e);
  }

  private static int h2Error(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException) {
        int code = ((java.sql.SQLException) t).getErrorCode();
        if (code == H2_ALREADY_OPEN || code == H2_WRONG_PASSWORD) {
          return code;
        }
      }
    }
    return 0;
  }

  private static HikariConfig poolConfig(DatabaseTarget target, Deadlines deadlines) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.url());
    target.user().ifPresent(config::setUsername);
    target.password().ifPresent(config::setPassword);
    config.setPoolName("pastefix-state");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(deadlines.connection().toMillis());
    config.setValidationTimeout(Math.min(500, deadlines.connection().toMillis()));
    // Fail at start when the first connection cannot be made: the caller reports it and exits.
    config.setInitializationFailTimeout(deadlines.connect().toMillis());
    config.setAutoCommit(true);
    if (target.isPostgres()) {
      // The driver counts these in whole seconds. A URL that sets them itself keeps its values.
      config.addDataSourceProperty("connectTimeout", seconds(deadlines.connect()));
      config.addDataSourceProperty("loginTimeout", seconds(deadlines.connect()));
      config.addDataSourceProperty("socketTimeout", seconds(deadlines.socket()));
      // A query timeout is sent as a cancel request on a connection of its own: bounded too.
      config.addDataSourceProperty("cancelSignalTimeout", seconds(deadlines.connect()));
      config.addDataSourceProperty("tcpKeepAlive", "true");
    }
    return config;
  }

  private static String seconds(Duration d) {
    return Long.toString(Math.max(1, (d.toMillis() + 999) / 1000));
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

  /**
   * Asks the database the smallest question there is, within the statement deadline.
   *
   * @throws StateStoreException when it cannot answer in time
   */
  public void ping() {
    sql.query("select 1", s -> {}, row -> row.getInt(1));
  }

  /** The database as logs show it: its URL without any password. */
  public String describe() {
    return target.describe();
  }

  /** The schema version in use. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * Deletes expired rows of this database's stores, and of {@code alsoPurged} (such as the memory
   * behind them), every {@link #PURGE_EVERY} in the background until closed. The database's own
   * purge has the patient deadline and never counts against its health.
   */
  public synchronized void startPurging(BotState alsoPurged) {
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
            int dropped = state.purgeExpired() + alsoPurged.purgeExpired();
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
