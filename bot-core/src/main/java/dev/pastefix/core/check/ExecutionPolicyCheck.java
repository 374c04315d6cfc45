package dev.pastefix.core.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-ExecutionPolicy -List} (or the single word {@code Get-ExecutionPolicy} prints)
 * and finds the effective policy: the first scope, in precedence order, that is not Undefined.
 */
public final class ExecutionPolicyCheck implements GuidedCheck {
  public static final String ID = "execution-policy";
  public static final String ENTRY = "execution-policy";

  /** Scopes in the order PowerShell applies them: Group Policy first. */
  public enum Scope {
    MachinePolicy,
    UserPolicy,
    Process,
    CurrentUser,
    LocalMachine
  }

  /** The policy values; PowerShell prints them in English on every Windows language. */
  public enum Policy {
    Unrestricted,
    RemoteSigned,
    AllSigned,
    Restricted,
    Default,
    Bypass,
    Undefined;

    /** Whether the connector's script module can load under this policy. */
    boolean letsModuleLoad() {
      return this == Unrestricted || this == RemoteSigned || this == Bypass;
    }
  }

  private static final Pattern ROW =
      Pattern.compile(
          "^\\s*(MachinePolicy|UserPolicy|Process|CurrentUser|LocalMachine)\\s+([A-Za-z]+)\\s*$",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "PowerShell execution policy";
  }

  @Override
  public String command() {
    return "Get-ExecutionPolicy -List";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY);
  }

  /**
   * What a paste of {@code Get-ExecutionPolicy -List} holds: the policy of each scope it lists, the
   * values that are no policy, and the paste itself (for the one-word form).
   */
  record Parsed(PastedOutput paste, Map<Scope, Policy> scopes, List<String> unknownValues) {
    Parsed {
      scopes = Map.copyOf(scopes);
      unknownValues = List.copyOf(unknownValues);
    }

    /**
     * The scopes the paste lacks before the first one that decides (is not Undefined): any of them
     * could override it. Scopes after the deciding one do not matter.
     */
    List<Scope> missing() {
      List<Scope> missing = new ArrayList<>();
      for (Scope scope : Scope.values()) {
        Policy policy = scopes.get(scope);
        if (policy == null) {
          missing.add(scope);
        } else if (policy != Policy.Undefined) {
          break;
        }
      }
      return missing;
    }

    /** The first scope, in precedence order, whose policy is not Undefined. */
    Optional<Scope> effectiveScope() {
      for (Scope scope : Scope.values()) {
        Policy policy = scopes.get(scope);
        if (policy != null && policy != Policy.Undefined) {
          return Optional.of(scope);
        }
      }
      return Optional.empty();
    }
  }

  @Override
  public CheckVerdict interpret(String output) {
    Parsed parsed = parse(output);
    if (parsed.scopes().isEmpty()) {
      return single(parsed.paste(), parsed.unknownValues());
    }
    return verdict(parsed);
  }

  /** Reads the scope rows of a paste; the first row of each scope counts. */
  static Parsed parse(String output) {
    PastedOutput paste = PastedOutput.of(output);
    Map<Scope, Policy> scopes = new EnumMap<>(Scope.class);
    List<String> unknownValues = new ArrayList<>();
    for (String line : paste.lines()) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        Optional<Scope> scope = scope(row.group(1));
        Optional<Policy> policy = policy(row.group(2));
        if (scope.isPresent() && policy.isPresent()) {
          scopes.putIfAbsent(scope.get(), policy.get());
        } else {
          unknownValues.add(row.group(2));
        }
      }
    }
    return new Parsed(paste, scopes, unknownValues);
  }

  /** One table line per scope: its policy, and whether that policy would block the module. */
  static List<CheckLine> readings(Parsed parsed) {
    List<CheckLine> lines = new ArrayList<>();
    for (Scope scope : Scope.values()) {
      Policy policy = parsed.scopes().get(scope);
      lines.add(
          new CheckLine(
              scope.name(),
              policy == null ? "(not in the paste)" : policy.name(),
              policy == null || policy == Policy.Undefined || policy.letsModuleLoad()
                  ? CheckStatus.OK
                  : CheckStatus.PROBLEM));
    }
    return lines;
  }

  private CheckVerdict verdict(Parsed parsed) {
    List<Scope> missing = parsed.missing();
    if (!missing.isEmpty()) {
      // A scope that is not in the paste could override what follows it.
      return cutOff(missing);
    }
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY);
    readings(parsed).forEach(verdict::line);
    Optional<Scope> effectiveScope = parsed.effectiveScope();
    if (effectiveScope.isEmpty()) {
      return verdict
          .status(CheckStatus.PROBLEM)
          .headline(
              "Every scope is Undefined, so the effective policy is Restricted on Windows clients:"
                  + " the connector's script module cannot be loaded.")
          .fix(setRemoteSigned())
          .build();
    }
    Scope scope = effectiveScope.get();
    Policy effective = parsed.scopes().get(scope);
    if (effective.letsModuleLoad()) {
      return loads(verdict, scope, effective);
    }
    return blocked(verdict, scope, effective);
  }

  private CheckVerdict cutOff(List<Scope> missing) {
    return CheckVerdict.builder(ID)
        .status(CheckStatus.UNRECOGNISED)
        .headline(
            "The paste looks cut off: "
                + names(missing)
                + " "
                + (missing.size() == 1 ? "is" : "are")
                + " missing, and "
                + (missing.size() == 1 ? "it decides" : "they decide")
                + " the effective policy. Paste the whole output of "
                + command()
                + ".")
        .fix(FixStep.of("Run this command and paste all five lines it prints:", command()))
        .build();
  }

  private static CheckVerdict loads(CheckVerdict.Builder verdict, Scope scope, Policy effective) {
    verdict
        .status(CheckStatus.OK)
        .headline(
            "The effective policy is "
                + effective
                + " (from "
                + scope
                + "): the connector's module can be loaded.");
    if (effective != Policy.RemoteSigned) {
      verdict.note(
          effective
              + " works, but RemoteSigned is enough and safer: Set-ExecutionPolicy"
              + " RemoteSigned.");
    }
    if (scope == Scope.Process) {
      verdict.note("A Process-scope policy lasts only for this PowerShell window.");
    }
    return verdict.build();
  }

  private static CheckVerdict blocked(CheckVerdict.Builder verdict, Scope scope, Policy effective) {
    verdict
        .status(CheckStatus.PROBLEM)
        .headline(
            "The effective policy is "
                + effective
                + " (from "
                + scope
                + ")"
                + (effective == Policy.Default ? ", which is Restricted on Windows clients" : "")
                + ": the connector's script module cannot be loaded.");
    if (scope == Scope.MachinePolicy || scope == Scope.UserPolicy) {
      verdict.fix(
          FixStep.of(
              "The policy comes from Group Policy ("
                  + scope
                  + "), so Set-ExecutionPolicy cannot override it. Ask the Group Policy"
                  + " administrator to set \"Turn on Script Execution\" (Computer or User"
                  + " Configuration > Administrative Templates > Windows Components > Windows"
                  + " PowerShell) to \"Allow local scripts and remote signed scripts\", then"
                  + " refresh the policy:",
              "gpupdate /force"));
    } else {
      verdict.fix(setRemoteSigned());
    }
    return verdict.build();
  }

  private CheckVerdict single(PastedOutput paste, List<String> unknownValues) {
    List<String> lines = paste.nonBlankLines().stream().filter(l -> !l.startsWith("PS ")).toList();
    if (lines.size() == 1) {
      Optional<Policy> policy = policy(lines.get(0));
      if (policy.isPresent()) {
        Policy p = policy.get();
        CheckVerdict.Builder verdict =
            CheckVerdict.builder(ID)
                .related(ENTRY)
                .line(
                    new CheckLine(
                        "Effective policy",
                        p.name(),
                        p.letsModuleLoad() ? CheckStatus.OK : CheckStatus.PROBLEM));
        if (p.letsModuleLoad()) {
          return verdict
              .status(CheckStatus.OK)
              .headline("The effective policy is " + p + ": the connector's module can be loaded.")
              .build();
        }
        return verdict
            .status(CheckStatus.PROBLEM)
            .headline(
                "The effective policy is "
                    + p
                    + ": the connector's script module cannot be loaded.")
            .fix(setRemoteSigned())
            .note(
                "If Set-ExecutionPolicy reports that a more specific scope overrides it, run "
                    + command()
                    + " and paste its output.")
            .build();
      }
    }
    if (!unknownValues.isEmpty()) {
      return unrecognised("Unknown policy value '" + unknownValues.get(0) + "'.");
    }
    return unrecognised("I found no scope lines such as 'LocalMachine  Restricted'.");
  }

  private static FixStep setRemoteSigned() {
    return FixStep.of(
        "Start PowerShell as an administrator (Run as administrator) and set the policy:",
        "Set-ExecutionPolicy RemoteSigned");
  }

  private static String names(List<Scope> scopes) {
    return String.join(", ", scopes.stream().map(Scope::name).toList());
  }

  private static Optional<Scope> scope(String text) {
    for (Scope scope : Scope.values()) {
      if (scope.name().equalsIgnoreCase(text)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  static Optional<Policy> policy(String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    for (Policy policy : Policy.values()) {
      if (policy.name().toLowerCase(Locale.ROOT).equals(word)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}
