package dev.pastefix.storage;

import static dev.pastefix.storage.Columns.KEY_MATCH;

import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.PendingCheckStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Pending checks in the database: one row per conversation, replaced when a check restarts. */
final class JdbcPendingCheckStore implements PendingCheckStore {
  private static final List<String> KEY = List.of("platform", "workspace", "channel", "thread");

  private final Sql sql;
  private final Dialect dialect;
  private final Clock clock;

  JdbcPendingCheckStore(Sql sql, Dialect dialect, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void start(ConversationKey conversation, String checkId, Duration ttl) {
    Objects.requireNonNull(checkId, "checkId");
    long expires = clock.millis() + ttl.toMillis();
    List<String> columns = new ArrayList<>(KEY);
    columns.addAll(List.of("check_id", "expires_at"));
    sql.update(
        dialect.upsert("pending_check", KEY, columns),
        s -> {
          int i = Columns.bind(s, 1, conversation);
          s.setString(i, checkId);
          s.setLong(i + 1, expires);
        });
  }

  @Override
  public Optional<String> pending(ConversationKey conversation) {
    long now = clock.millis();
    return sql
        .query(
            "select check_id from pending_check where " + KEY_MATCH + " and expires_at > ?",
            s -> s.setLong(Columns.bind(s, 1, conversation), now),
            row -> row.getString("check_id"))
        .stream()
        .findFirst();
  }

  @Override
  public void finish(ConversationKey conversation) {
    sql.update(
        "delete from pending_check where " + KEY_MATCH, s -> Columns.bind(s, 1, conversation));
  }

  @Override
  public int purgeExpired() {
    long now = clock.millis();
    return sql.patient()
        .update("delete from pending_check where expires_at <= ?", s -> s.setLong(1, now));
  }
}
