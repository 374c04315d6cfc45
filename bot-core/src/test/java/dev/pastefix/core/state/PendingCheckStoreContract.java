package dev.pastefix.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link PendingCheckStore}; every implementation's test extends it. */
public abstract class PendingCheckStoreContract {
  protected final TestingClock clock = new TestingClock();

  private static final ConversationKey THREAD =
      ConversationKey.of("slack", "T1", "C1").inThread("1700000000.0001");
  private static final ConversationKey DM = ConversationKey.of("discord", "dm", "42");

  /** A new, empty store on {@link #clock}. */
  protected abstract PendingCheckStore store();

  @Test
  void remembersTheCheckPerConversation() {
    PendingCheckStore pending = store();
    pending.start(THREAD, "winrm", PendingCheckStore.DEFAULT_TTL);
    pending.start(DM, "clock", PendingCheckStore.DEFAULT_TTL);
    assertEquals(Optional.of("winrm"), pending.pending(THREAD));
    assertEquals(Optional.of("clock"), pending.pending(DM));
    assertEquals(Optional.empty(), pending.pending(THREAD.channelOnly()));
  }

  @Test
  void expiresAfterFifteenMinutes() {
    PendingCheckStore pending = store();
    pending.start(DM, "sessions", PendingCheckStore.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertEquals(Optional.of("sessions"), pending.pending(DM));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), pending.pending(DM));
  }

  @Test
  void restartingAWaitGivesItAFreshQuarterHour() {
    PendingCheckStore pending = store();
    pending.start(DM, "winrm", PendingCheckStore.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(10));
    pending.start(DM, "clock", PendingCheckStore.DEFAULT_TTL);
    clock.advance(Duration.ofMinutes(10));
    assertEquals(Optional.of("clock"), pending.pending(DM));
  }

  @Test
  void finishingStopsTheWait() {
    PendingCheckStore pending = store();
    pending.start(DM, "winrm", PendingCheckStore.DEFAULT_TTL);
    pending.finish(DM);
    assertEquals(Optional.empty(), pending.pending(DM));
    pending.finish(THREAD);
  }

  @Test
  void purgingKeepsLiveWaits() {
    PendingCheckStore pending = store();
    pending.start(DM, "winrm", Duration.ofMinutes(1));
    pending.start(THREAD, "clock", Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(2));
    pending.purgeExpired();
    assertEquals(Optional.empty(), pending.pending(DM));
    assertEquals(Optional.of("clock"), pending.pending(THREAD));
  }
}
