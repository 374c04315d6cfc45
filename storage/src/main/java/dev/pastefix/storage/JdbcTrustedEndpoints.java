package dev.pastefix.storage;

import dev.pastefix.core.state.RefusedValue;
import dev.pastefix.core.state.TrustedEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Trusted endpoints in the database: one row per platform and address, renewed by an upsert. */
final class JdbcTrustedEndpoints implements TrustedEndpoints {
  private static final List<String> KEY = List.of("platform", "address");

  private final Sql sql;
  private final Dialect dialect;
  private final Clock clock;

  JdbcTrustedEndpoints(Sql sql, Dialect dialect, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void trust(String platform, String address, Duration ttl) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(address, "address");
    if (address.length() > MAX_ADDRESS_LENGTH) {
      throw new RefusedValue(
          "an address of " + address.length() + " characters is longer than " + MAX_ADDRESS_LENGTH);
    }
    long expires = clock.millis() + ttl.toMillis();
    sql.update(
        dialect.upsert("trusted_endpoint", KEY, List.of("platform", "address", "expires_at")),
        s -> {
          s.setString(1, platform);
          s.setString(2, address);
          s.setLong(3, expires);
        });
  }

  @Override
  public boolean isTrusted(String platform, String address) {
    long now = clock.millis();
    return !sql.query(
            "select 1 from trusted_endpoint where platform = ? and address = ? and expires_at > ?",
            s -> {
              s.setString(1, platform);
              s.setString(2, address);
              s.setLong(3, now);
            },
            row -> Boolean.TRUE)
        .isEmpty();
  }

  @Override
  public int purgeExpired() {
    long now = clock.millis();
    return sql.patient()
        .update("delete from trusted_endpoint where expires_at <= ?", s -> s.setLong(1, now));
  }
}
