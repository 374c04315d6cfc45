package dev.pastefix.storage;

import static dev.pastefix.storage.Columns.KEY_MATCH;

import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.ConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Conversations in the database: one row per conversation and kind, replaced on each write. */
final class JdbcConversationStore implements ConversationStore {
  private static final List<String> KEY = List.of("platform", "workspace", "channel", "thread");

  private final Sql sql;
  private final Dialect dialect;
  private final Clock clock;

  JdbcConversationStore(Sql sql, Dialect dialect, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void markAnswered(ConversationKey thread, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    sql.update(
        dialect.upsert("answered_thread", KEY, columns("expires_at")),
        s -> s.setLong(Columns.bind(s, 1, thread), expires));
  }

  @Override
  public boolean isAnswered(ConversationKey thread) {
    long now = clock.millis();
    return !sql.query(
            "select 1 from answered_thread where " + KEY_MATCH + " and expires_at > ?",
            s -> s.setLong(Columns.bind(s, 1, thread), now),
            row -> Boolean.TRUE)
        .isEmpty();
  }

  @Override
  public void openQuestion(ConversationKey conversation, List<String> entryIds, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    String ids = Columns.ids(entryIds);
    sql.update(
        dialect.upsert("open_question", KEY, columns("entry_ids", "expires_at")),
        s -> {
          int i = Columns.bind(s, 1, conversation);
          s.setString(i, ids);
          s.setLong(i + 1, expires);
        });
  }

  @Override
  public Optional<List<String>> takeQuestion(ConversationKey conversation) {
    long now = clock.millis();
    record Row(String ids, long expires) {}
    List<Row> rows =
        sql.query(
            "select entry_ids, expires_at from open_question where " + KEY_MATCH,
            s -> Columns.bind(s, 1, conversation),
            row -> new Row(row.getString("entry_ids"), row.getLong("expires_at")));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row row = rows.get(0);
    // Deleting exactly the row read makes the take happen once, whoever else reads it.
    int deleted =
        sql.update(
            "delete from open_question where "
                + KEY_MATCH
                + " and entry_ids = ? and expires_at = ?",
            s -> {
              int i = Columns.bind(s, 1, conversation);
              s.setString(i, row.ids());
              s.setLong(i + 1, row.expires());
            });
    if (deleted != 1 || row.expires() <= now) {
      return Optional.empty();
    }
    return Optional.of(Columns.ids(row.ids()));
  }

  @Override
  public void rememberAnswer(ConversationKey conversation, LastAnswer answer, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    sql.update(
        dialect.upsert(
            "last_answer", KEY, columns("answer_key", "entry_ids", "answered_at", "expires_at")),
        s -> {
          int i = Columns.bind(s, 1, conversation);
          s.setString(i, answer.answerKey());
          s.setString(i + 1, Columns.ids(answer.entryIds()));
          s.setLong(i + 2, answer.at().toEpochMilli());
          s.setLong(i + 3, expires);
        });
  }

  @Override
  public Optional<LastAnswer> lastAnswer(ConversationKey conversation) {
    long now = clock.millis();
    return sql
        .query(
            "select answer_key, entry_ids, answered_at from last_answer where "
                + KEY_MATCH
                + " and expires_at > ?",
            s -> s.setLong(Columns.bind(s, 1, conversation), now),
            row ->
                new LastAnswer(
                    row.getString("answer_key"),
                    Columns.ids(row.getString("entry_ids")),
                    Instant.ofEpochMilli(row.getLong("answered_at"))))
        .stream()
        .findFirst();
  }

  @Override
  public int purgeExpired() {
    long now = clock.millis();
    int dropped = 0;
    for (String table : List.of("answered_thread", "open_question", "last_answer")) {
      dropped +=
          sql.patient()
              .update("delete from " + table + " where expires_at <= ?", s -> s.setLong(1, now));
    }
    return dropped;
  }

  private static List<String> columns(String... values) {
    List<String> all = new java.util.ArrayList<>(KEY);
    all.addAll(List.of(values));
    return all;
  }
}
