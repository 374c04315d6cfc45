package dev.pastefix.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code /readyz} reports: each named check (the knowledge base, the database, every platform)
 * must pass, and the process must not be stopping. Stopping turns it false at once, so an
 * orchestrator stops sending work before the drain begins.
 */
final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private volatile boolean stopping;

  synchronized void add(String name, BooleanSupplier check) {
    checks.put(name, check);
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
