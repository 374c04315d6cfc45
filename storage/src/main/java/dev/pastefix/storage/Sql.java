package dev.pastefix.storage;

import dev.pastefix.core.state.RefusedValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs one statement on a pooled connection in auto-commit: every operation of the stores is a
 * single statement, so that it is atomic on its own and nothing holds a transaction open.
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

  Sql(DataSource pool, String description) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** Rows changed by {@code sql}. */
  int update(String sql, Binder binder) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Whether the insert added its row; {@code false} when the key is taken. */
  boolean insertUnlessDuplicate(String sql, Binder binder) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
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
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
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
