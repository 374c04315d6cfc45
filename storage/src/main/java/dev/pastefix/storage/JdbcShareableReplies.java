package dev.pastefix.storage;

import dev.pastefix.core.state.ShareableReplies;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Shareable replies in the database, under random ids, so any instance can share them. */
final class JdbcShareableReplies implements ShareableReplies {
  private final Sql sql;
  private final Clock clock;

  JdbcShareableReplies(Sql sql, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String keep(String payload, Duration ttl) {
    Objects.requireNonNull(payload, "payload");
    String id = UUID.randomUUID().toString();
    long expires = clock.millis() + ttl.toMillis();
    sql.update(
        "insert into shareable_reply (id, payload, expires_at) values (?, ?, ?)",
        s -> {
          s.setString(1, id);
          s.setString(2, payload);
          s.setLong(3, expires);
        });
    return id;
  }

  @Override
  public Optional<String> find(String id) {
    long now = clock.millis();
    return sql
        .query(
            "select payload from shareable_reply where id = ? and expires_at > ?",
            s -> {
              s.setString(1, id);
              s.setLong(2, now);
            },
            row -> row.getString("payload"))
        .stream()
        .findFirst();
  }

  @Override
  public int purgeExpired() {
    long now = clock.millis();
    return sql.patient()
        .update("delete from shareable_reply where expires_at <= ?", s -> s.setLong(1, now));
  }
}
