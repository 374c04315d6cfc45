package dev.pastefix.app;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.FallbackState;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.time.Clock;
import java.util.Objects;

/**
 * The state of a running bot, built once by the composition root: the database the settings name
 * (embedded H2 in the data directory, in memory, or a shared PostgreSQL), migrated, with this
 * process's memory behind it for when the database is lost while running, and purged in the
 * background.
 */
final class RunningState implements AutoCloseable {
  private final StateDatabase database;
  private final FallbackState fallback;

  private RunningState(StateDatabase database, FallbackState fallback) {
    this.database = database;
    this.fallback = fallback;
  }

  /**
   * Opens the state {@code storage} names.
   *
   * @throws dev.pastefix.storage.StateStoreException when the database cannot be reached at start
   *     or was written by a newer version; the message names the URL without its password
   */
  static RunningState open(Settings.Storage storage, Clock clock) {
    Objects.requireNonNull(storage, "storage");
    StateDatabase database =
        StateDatabase.open(
            target(storage), clock, storage.retention(), StateDatabase.Deadlines.SERVING);
    FallbackState fallback =
        FallbackState.open(
            database.state(),
            database::ping,
            clock,
            storage.retention(),
            database.describe(),
            FallbackState.CALL_DEADLINE);
    database.startPurging(fallback.state());
    return new RunningState(database, fallback);
  }

  /** The database {@code storage} names. */
  static DatabaseTarget target(Settings.Storage storage) {
    if (storage.databaseUrl().isPresent()) {
      return DatabaseTarget.server(
          storage.databaseUrl().get(), storage.databaseUser(), storage.databasePassword());
    }
    if (storage.dataDir().isEmpty()) {
      return DatabaseTarget.inMemory();
    }
    return DatabaseTarget.embedded(storage.dataDir().get());
  }

  BotState state() {
    return fallback.state();
  }

  /** The shared store's health: degraded while the state is in memory. */
  FallbackState fallback() {
    return fallback;
  }

  /** Where the state lives, for the start-up line: a URL without its password. */
  String describe() {
    return database.describe();
  }

  @Override
  public void close() {
    fallback.close();
    database.close();
  }
}
