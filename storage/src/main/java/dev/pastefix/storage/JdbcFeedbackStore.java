package dev.pastefix.storage;

import dev.pastefix.core.feedback.FeedbackStore;
import dev.pastefix.core.feedback.Vote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Feedback votes in the database: one row per answer and voter, a later vote replacing it. */
final class JdbcFeedbackStore implements FeedbackStore {
  private final Sql sql;
  private final Dialect dialect;

  JdbcFeedbackStore(Sql sql, Dialect dialect) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  @Override
  public void record(Vote vote) {
    sql.update(
        dialect.upsert(
            "feedback_vote",
            List.of("answer_key", "voter_id"),
            List.of("answer_key", "voter_id", "entry_ids", "helpful", "voted_at")),
        s -> {
          s.setString(1, vote.answerKey());
          s.setString(2, vote.voterId());
          s.setString(3, Columns.ids(vote.entryIds()));
          s.setBoolean(4, vote.helpful());
          s.setLong(5, vote.at().toEpochMilli());
        });
  }

  @Override
  public List<Vote> votesOn(String answerKey) {
    return sql.query(
        "select * from feedback_vote where answer_key = ? order by voted_at, voter_id",
        s -> s.setString(1, answerKey),
        JdbcFeedbackStore::vote);
  }

  @Override
  public List<Vote> all() {
    return sql.query(
        "select * from feedback_vote order by voted_at, answer_key, voter_id",
        s -> {},
        JdbcFeedbackStore::vote);
  }

  private static Vote vote(ResultSet row) throws SQLException {
    return new Vote(
        row.getString("answer_key"),
        Columns.ids(row.getString("entry_ids")),
        row.getString("voter_id"),
        row.getBoolean("helpful"),
        Instant.ofEpochMilli(row.getLong("voted_at")));
  }
}
