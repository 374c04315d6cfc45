package dev.pastefix.core.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-Service msoidsvc}: the Microsoft Online Services Sign-in Assistant must be
 * installed and running for the connector's Live ID sign-in.
 */
public final class SignInAssistantCheck implements GuidedCheck {
  public static final String ID = "signin-assistant";
  public static final String ENTRY_NOT_RUNNING = "liveid-connect-failed";
  public static final String ENTRY_NOT_INSTALLED = "liveid-module-missing";
  public static final String DOWNLOAD =
      "https://www.microsoft.com/en-us/download/details.aspx?id=28177";

  // Service states print in English on every Windows language.
  private static final String STATES =
      "Running|Stopped|StartPending|StopPending|Paused|PausePending|ContinuePending";
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\s*(" + STATES + ")\\s+msoidsvc\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST_STATUS =
      Pattern.compile("^\\s*Status\\s*:\\s*(" + STATES + ")\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST_NAME =
      Pattern.compile("^\\s*(Service)?Name\\s*:\\s*msoidsvc\\s*$", Pattern.CASE_INSENSITIVE);
  // sc query msoidsvc: "STATE : 4  RUNNING" (the state names stay English).
  private static final Pattern SC_STATE =
      Pattern.compile("^\\s*STATE\\s*:\\s*\\d+\\s+([A-Z_]+)\\b.*$");
  private static final List<Pattern> NOT_FOUND =
      List.of(
          Pattern.compile("NoServiceFoundForGivenName", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "Cannot\\s+find\\s+any\\s+service\\s+with\\s+service\\s+name\\s+'msoidsvc'",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "Impossible\\s+de\\s+trouver\\s+un\\s+service\\s+assorti\\s+du\\s+nom\\s*[«\"']\\s*msoidsvc",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("서비스\\s*이름이\\s*'msoidsvc'인\\s*서비스를\\s*찾을\\s*수\\s*없습니다"),
          // sc query: error 1060, "The specified service does not exist as an installed service."
          Pattern.compile(
              "\\b1060\\b.*msoidsvc|msoidsvc[\\s\\S]{0,200}\\b1060\\b|does not exist as an"
                  + " installed service",
              Pattern.CASE_INSENSITIVE));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Microsoft Online Services Sign-in Assistant";
  }

  @Override
  public String command() {
    return "Get-Service msoidsvc";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY_NOT_RUNNING, ENTRY_NOT_INSTALLED);
  }

  @Override
  public CheckVerdict interpret(String output) {
    PastedOutput paste = PastedOutput.of(output);
    for (Pattern p : NOT_FOUND) {
      if (p.matcher(paste.text()).find()) {
        return CheckVerdict.builder(ID)
            .status(CheckStatus.PROBLEM)
            .related(ENTRY_NOT_INSTALLED)
            .line(CheckLine.problem("msoidsvc", "not installed"))
            .headline(
                "The Microsoft Online Services Sign-in Assistant is not installed, so the"
                    + " connector cannot load its Live ID module.")
            .fix(
                FixStep.of(
                    "Install the Microsoft Online Services Sign-in Assistant for IT Professionals"
                        + " RTW from the Microsoft Download Center ("
                        + DOWNLOAD
                        + "), then check that the service runs:",
                    "Get-Service msoidsvc"))
            .build();
      }
    }
    Optional<String> status = status(paste);
    if (status.isEmpty()) {
      return unrecognised(
          "I expected a row such as 'Running  msoidsvc  Microsoft Online Services Sign-in A...'.");
    }
    String state = status.get();
    if (state.equals("Running")) {
      return CheckVerdict.builder(ID)
          .status(CheckStatus.OK)
          .related(ENTRY_NOT_RUNNING)
          .line(CheckLine.ok("msoidsvc", "Running"))
          .headline("The Sign-in Assistant service is running.")
          .note(
              "If Get-CsWebTicket still fails to connect to the Live ID servers, check the network"
                  + " path: sign in at https://login.microsoftonline.com/ from this machine.")
          .build();
    }
    return CheckVerdict.builder(ID)
        .status(CheckStatus.PROBLEM)
        .related(ENTRY_NOT_RUNNING)
        .line(CheckLine.problem("msoidsvc", state))
        .headline(
            "The Sign-in Assistant service is "
                + state
                + ", so Get-CsWebTicket fails to connect to the Live ID servers.")
        .fix(
            FixStep.of(
                "Start PowerShell as an administrator and start the service:",
                "Start-Service msoidsvc"))
        .fix(
            FixStep.of(
                "If it will not start because it is disabled, set it to start automatically first:",
                "Set-Service msoidsvc -StartupType Automatic",
                "Start-Service msoidsvc"))
        .build();
  }

  private static Optional<String> status(PastedOutput paste) {
    boolean listName = false;
    String listStatus = null;
    for (String line : paste.lines()) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.matches()) {
        return Optional.of(canonical(row.group(1)));
      }
      Matcher ls = LIST_STATUS.matcher(line);
      if (ls.matches()) {
        listStatus = canonical(ls.group(1));
      }
      if (LIST_NAME.matcher(line).matches()) {
        listName = true;
      }
      Matcher sc = SC_STATE.matcher(line);
      if (sc.matches() && paste.text().toLowerCase(Locale.ROOT).contains("msoidsvc")) {
        return Optional.of(sc.group(1).equals("RUNNING") ? "Running" : canonical(sc.group(1)));
      }
    }
    return listName && listStatus != null ? Optional.of(listStatus) : Optional.empty();
  }

  private static String canonical(String state) {
    String s = state.toLowerCase(Locale.ROOT).replace("_", "");
    for (String known :
        List.of(
            "Running",
            "Stopped",
            "StartPending",
            "StopPending",
            "Paused",
            "PausePending",
            "ContinuePending")) {
      if (known.toLowerCase(Locale.ROOT).equals(s)) {
        return known;
      }
    }
    return state;
  }
}
