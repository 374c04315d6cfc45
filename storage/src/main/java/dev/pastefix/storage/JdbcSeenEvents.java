package dev.pastefix.storage;

import dev.pastefix.core.state.SeenEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seen events in the database. A claim is one insert on the event's primary key (a duplicate key
 * means another caller has it); an expired claim is renewed by one conditional update; a stale
 * claim is taken over by a compare-and-set on its claim time, so each goes to exactly one caller.
 */
final class JdbcSeenEvents implements SeenEvents {
  static final String CLAIMED = "claimed";
  static final String ANSWERED = "answered";

  private final Sql sql;
  private final Dialect dialect;
  private final Clock clock;

  JdbcSeenEvents(Sql sql, Dialect dialect, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean claim(String key, String payload, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    boolean inserted =
        sql.insertUnlessDuplicate(
            dialect.insertOrSkip(
                "insert into seen_event (event_key, payload, status, claimed_at, expires_at)"
                    + " values (?, ?, ?, ?, ?)"),
            s -> {
              s.setString(1, key);
              s.setString(2, payload);
              s.setString(3, CLAIMED);
              s.setLong(4, now);
              s.setLong(5, expires);
            });
    if (inserted) {
      return true;
    }
    // The key is taken; only an expired row may be claimed again, in one conditional statement.
    return sql.update(
            "update seen_event set payload = ?, status = ?, claimed_at = ?, expires_at = ?"
                + " where event_key = ? and expires_at <= ?",
            s -> {
              s.setString(1, payload);
              s.setString(2, CLAIMED);
              s.setLong(3, now);
              s.setLong(4, expires);
              s.setString(5, key);
              s.setLong(6, now);
            })
        == 1;
  }

  @Override
  public void answered(String key) {
    sql.update(
        "update seen_event set status = ?, payload = '' where event_key = ?",
        s -> {
          s.setString(1, ANSWERED);
          s.setString(2, key);
        });
  }

  @Override
  public List<StaleClaim> takeOverStale(String keyPrefix, Duration staleAfter, int limit) {
    long now = clock.millis();
    List<StaleClaim> candidates =
        sql.query(
            "select event_key, payload, claimed_at from seen_event"
                + " where status = ? and claimed_at <= ? and expires_at > ?"
                + " and substring(event_key, 1, ?) = ?"
                + " order by claimed_at limit ?",
            s -> {
              s.setString(1, CLAIMED);
              s.setLong(2, now - staleAfter.toMillis());
              s.setLong(3, now);
              s.setInt(4, keyPrefix.length());
              s.setString(5, keyPrefix);
              s.setInt(6, limit);
            },
            row ->
                new StaleClaim(
                    row.getString("event_key"),
                    row.getString("payload"),
                    Instant.ofEpochMilli(row.getLong("claimed_at"))));
    List<StaleClaim> taken = new ArrayList<>();
    for (StaleClaim c : candidates) {
      int changed =
          sql.update(
              "update seen_event set claimed_at = ?"
                  + " where event_key = ? and status = ? and claimed_at = ?",
              s -> {
                s.setLong(1, now);
                s.setString(2, c.key());
                s.setString(3, CLAIMED);
                s.setLong(4, c.claimedAt().toEpochMilli());
              });
      if (changed == 1) {
        taken.add(c);
      }
    }
    return taken;
  }

  @Override
  public int purgeExpired() {
    long now = clock.millis();
    return sql.patient()
        .update("delete from seen_event where expires_at <= ?", s -> s.setLong(1, now));
  }
}
