package dev.pastefix.core.check;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The checks the bot offers, by id, in the order {@code check} lists them. */
public final class CheckCatalog {
  private final Map<String, Check> byId = new LinkedHashMap<>();

  public CheckCatalog(List<Check> checks) {
    for (Check check : checks) {
      if (byId.putIfAbsent(check.id(), check) != null) {
        throw new IllegalArgumentException("duplicate check id: " + check.id());
      }
    }
  }

  /** The DNS check and the six guided checks. */
  public static CheckCatalog standard(DnsClient dns, Clock clock) {
    return new CheckCatalog(
        List.of(
            new DnsCheck(dns),
            new ExecutionPolicyCheck(),
            new PowerShellVersionCheck(),
            new WinRmCheck(),
            new SignInAssistantCheck(),
            new SessionsCheck(),
            new ClockCheck(clock)));
  }

  /** What each check takes from a paste, by check id, for the answers' "Run check" buttons. */
  public Map<String, CheckInput> inputs() {
    Map<String, CheckInput> inputs = new LinkedHashMap<>();
    byId.forEach((id, check) -> inputs.put(id, check.input()));
    return Map.copyOf(inputs);
  }

  public List<Check> all() {
    return List.copyOf(byId.values());
  }

  /** The check with this id, ignoring case. */
  public Optional<Check> find(String id) {
    return Optional.ofNullable(byId.get(id.strip().toLowerCase(Locale.ROOT)));
  }
}
