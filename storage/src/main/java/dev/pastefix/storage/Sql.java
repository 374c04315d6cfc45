package dev.pastefix.storage;

import dev.pastefix.core.state.RefusedValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs one statement on a pooled connection in auto-commit: every operation of the stores is a
 * single statement, so that it is atomic on its own and nothing holds a transaction open. Every
 * statement has a deadline ({@code statementTimeout}); one past it fails like an unreachable
 * database, so a locked table or a hung server costs a caller a bounded wait, never an open-ended
 * one. {@link #patient()} is the same database with the longer deadline of background work.
 */
final class Sql {
  /** The SQL state of a unique or primary key violation (H2 and PostgreSQL alike). */
  static final String DUPLICATE_KEY = "23505";

  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource pool;
  private final String description;
  private final Duration statementTimeout;
  private final Duration patientTimeout;
  private final boolean patient;

  Sql(DataSource pool, String description, Duration statementTimeout, Duration patientTimeout) {
    this(pool, description, statementTimeout, patientTimeout, false);
  }

  private Sql(
      DataSource pool,
      String description,
      Duration statementTimeout,
      Duration patientTimeout,
      boolean patient) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.description = Objects.requireNonNull(description, "description");
    this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    this.patientTimeout = Objects.requireNonNull(patientTimeout, "patientTimeout");
    this.patient = patient;
  }

  /** The same database for background work (purges): the longer deadline for every statement. */
  Sql patient() {
    return new Sql(pool, description, patientTimeout, patientTimeout, true);
  }

  /**
   * A pooled connection; background work lifts the socket timeout to its own deadline for this use
   * (the pool resets it when the connection comes back). Databases without a network (H2) have none
   * to lift.
   */
  private Connection connect() throws SQLException {
    Connection c = pool.getConnection();
    if (patient) {
      try {
        c.setNetworkTimeout(Runnable::run, (int) patientTimeout.toMillis() * 2);
      } catch (SQLFeatureNotSupportedException e) {
        // H2 in this process: nothing to wait on but the statement itself.
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  /**
   * A statement with its deadline: JDBC's query timeout counts whole seconds, so a deadline under
   * one second is rounded up. A server that stopped answering at all is the socket timeout's
   * (PostgreSQL's {@code socketTimeout}, set on the pool).
   */
  private PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setQueryTimeout((int) Math.max(1, (statementTimeout.toMillis() + 999) / 1000));
    return s;
  }

  /** Rows changed by {@code sql}. */
  int update(String sql, Binder binder) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql)) {
      binder.bind(s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Whether the insert added its row; {@code false} when the key is taken. */
  boolean insertUnlessDuplicate(String sql, Binder binder) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql)) {
      binder.bind(s);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return false;
      }
      throw failure(e);
    }
  }

  <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql)) {
      binder.bind(s);
      try (ResultSet rows = s.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rows.next()) {
          out.add(reader.read(rows));
        }
        return out;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The first line of a database message, cut: it may quote the refused value. */
  private static String excerpt(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }

  private RuntimeException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("22")) {
      // A data exception (such as 22001, a value too long for its column): this request's fault.
      return new RefusedValue(
          "the state database refused a value (" + state + "): " + excerpt(e.getMessage()), e);
    }
    return new StateStoreException(
        "state database " + description + " failed: " + e.getMessage(), e);
  }
}
