package dev.pastefix.storage;

import dev.pastefix.core.Channel;
import dev.pastefix.core.state.AnswerLog;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.OutcomeKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer log in the database; rows older than the retention are purged. */
final class JdbcAnswerLog implements AnswerLog {
  private final Sql sql;
  private final Dialect dialect;
  private final Clock clock;
  private final Duration retention;

  JdbcAnswerLog(Sql sql, Dialect dialect, Clock clock, Duration retention) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public void append(AnswerRecord r) {
    sql.update(INSERT + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> bind(s, r));
  }

  @Override
  public void appendOnce(String rowKey, AnswerRecord r) {
    Objects.requireNonNull(rowKey, "rowKey");
    sql.insertUnlessDuplicate(
        dialect.insertOrSkip(
            INSERT.replace(" answer_key)", " answer_key, row_key)")
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        s -> {
          bind(s, r);
          s.setString(16, rowKey);
        });
  }

  private static final String INSERT =
      "insert into answer_log (logged_at, platform, channel_kind, workspace, channel, thread,"
          + " sender_id, outcome, entry_ids, confidence, language, latency_micros,"
          + " redacted_text, candidates, answer_key)";

  private static void bind(PreparedStatement s, AnswerRecord r) throws SQLException {
    s.setLong(1, r.at().toEpochMilli());
    s.setString(2, r.platform());
    s.setString(3, r.channel().name());
    s.setString(4, r.conversation().workspace());
    s.setString(5, r.conversation().channel());
    s.setString(6, r.conversation().thread().orElse(Columns.NO_THREAD));
    s.setString(7, r.senderId());
    s.setString(8, r.outcome().name());
    s.setString(9, Columns.ids(r.entryIds()));
    s.setDouble(10, r.confidence());
    s.setString(11, r.language());
    s.setLong(12, r.latency().toNanos() / 1000);
    s.setString(13, r.redactedText());
    s.setString(14, Columns.scores(r.candidates()));
    s.setString(15, r.answerKey().orElse(null));
  }

  @Override
  public List<AnswerRecord> since(Instant from) {
    long lower = Math.max(from.toEpochMilli(), clock.millis() - retention.toMillis());
    return sql.query(
        "select * from answer_log where logged_at >= ? order by logged_at, id",
        s -> s.setLong(1, lower),
        row ->
            new AnswerRecord(
                Instant.ofEpochMilli(row.getLong("logged_at")),
                row.getString("platform"),
                Channel.valueOf(row.getString("channel_kind")),
                Columns.key(row),
                row.getString("sender_id"),
                OutcomeKind.valueOf(row.getString("outcome")),
                Columns.ids(row.getString("entry_ids")),
                row.getDouble("confidence"),
                row.getString("language"),
                Duration.ofNanos(row.getLong("latency_micros") * 1000),
                row.getString("redacted_text"),
                Columns.scores(row.getString("candidates")),
                Optional.ofNullable(row.getString("answer_key"))));
  }

  @Override
  public int purgeExpired() {
    long cutoff = clock.millis() - retention.toMillis();
    return sql.patient()
        .update("delete from answer_log where logged_at < ?", s -> s.setLong(1, cutoff));
  }
}
