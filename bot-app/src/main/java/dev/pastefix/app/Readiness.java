package dev.pastefix.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code /readyz} reports: each named check (the knowledge base, the database, every platform)
 * must pass, and the process must not be stopping. Stopping turns it false at once, so an
 * orchestrator stops sending work before the drain begins.
 */
final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private final Map<String, Supplier<String>> states = new LinkedHashMap<>();
  private volatile boolean stopping;

  synchronized void add(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  /**
   * Adds a check that always passes but whose state the body shows, such as the database's: {@code
   * up}, or {@code degraded: state in memory} while the bot answers without it.
   */
  synchronized void addState(String name, Supplier<String> state) {
    checks.put(name, () -> true);
    states.put(name, state);
  }

  /** The state of each check that reports one, by name. */
  synchronized Map<String, String> states() {
    Map<String, String> out = new LinkedHashMap<>();
    states.forEach(
        (name, state) -> {
          String value;
          try {
            value = state.get();
          } catch (RuntimeException e) {
            value = "unknown: " + e.getClass().getSimpleName();
          }
          out.put(name, value);
        });
    return out;
  }

  void stopping() {
    stopping = true;
  }

  boolean isStopping() {
    return stopping;
  }

  /** The names of what is not ready, {@code stopping} first; empty when ready. */
  synchronized List<String> notReady() {
    List<String> failing = new ArrayList<>();
    if (stopping) {
      failing.add("stopping");
    }
    checks.forEach(
        (name, check) -> {
          boolean ok;
          try {
            ok = check.getAsBoolean();
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) {
            failing.add(name);
          }
        });
    return failing;
  }

  synchronized List<String> names() {
    return List.copyOf(checks.keySet());
  }
}
