package dev.pastefix.core.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-PSSession} (table or list) and counts the remote sessions to Skype for Business
 * Online against the limit of three per administrator, naming the ones to remove.
 */
public final class SessionsCheck implements GuidedCheck {
  public static final String ID = "sessions";
  public static final String ENTRY_USER = "max-shells-user";
  public static final String ENTRY_TENANT = "max-shells-tenant";
  public static final String ENTRY_TIMEOUT = "session-timeout";
  public static final int PER_ADMIN = 3;
  public static final int PER_TENANT = 20;
  static final String TEAMS_HOST = "api.interfaces.records.teams.microsoft.com";
  static final String LYNC_SUFFIX = ".online.lync.com";

  private static final Pattern HEADER =
      Pattern.compile("^\\s*Id\\s+Name\\s+ComputerName\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROW =
      Pattern.compile("^\\s*(\\d{1,6})\\s+(\\S+)\\s+(\\S+)\\s+(.*)$");
  private static final Pattern LIST_LINE =
      Pattern.compile(
          "^\\s*(Id|Name|ComputerName|State)\\s*:\\s*(\\S*)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final List<String> STATES =
      List.of(
          "Opened",
          "Disconnected",
          "Broken",
          "Closed",
          "Opening",
          "Closing",
          "Disconnecting",
          "Connecting",
          "BeforeOpen");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Open remote PowerShell sessions";
  }

  @Override
  public String command() {
    return "Get-PSSession";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY_USER, ENTRY_TENANT);
  }

  /** One session as the paste shows it. */
  record Session(int id, String name, String computer, String state) {
    boolean skype() {
      return isSkypeHost(computer);
    }

    /** Opened and disconnected sessions both keep a shell on the server. */
    boolean holdsShell() {
      return state.equals("Opened") || state.equals("Disconnected");
    }
  }

  @Override
  public CheckVerdict interpret(String output) {
    Optional<List<Session>> parsed = parse(output);
    if (parsed.isEmpty()) {
      return unrecognised(
          "I expected the table Get-PSSession prints (Id, Name, ComputerName, State...).");
    }
    List<Session> sessions = parsed.get();
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY_USER);
    readings(sessions).forEach(verdict::line);
    List<Session> holding = new ArrayList<>();
    List<Session> broken = new ArrayList<>();
    for (Session s : sessions) {
      if (s.skype() && s.holdsShell()) {
        holding.add(s);
      } else if (s.skype() && s.state().equals("Broken")) {
        broken.add(s);
      }
    }
    if (holding.size() >= PER_ADMIN) {
      overTheLimit(verdict, holding, broken);
    } else {
      withinTheLimit(verdict, holding, broken);
    }
    long others = sessions.stream().filter(s -> !s.skype()).count();
    if (others > 0) {
      verdict.note(
          others
              + " session(s) to other services (such as Exchange Online) do not count against the"
              + " Skype for Business Online limit.");
    }
    return verdict.build();
  }

  /** The sessions of a pasted table or list, or empty when the paste is neither. */
  static Optional<List<Session>> parse(String output) {
    PastedOutput paste = PastedOutput.of(output);
    Optional<List<Session>> parsed = table(paste.lines());
    return parsed.isPresent() ? parsed : list(paste.lines());
  }

  /** One table line per session, then the count against the per-administrator limit. */
  static List<CheckLine> readings(List<Session> sessions) {
    List<CheckLine> lines = new ArrayList<>();
    int holding = 0;
    for (Session s : sessions) {
      String label = "Session " + s.id() + " " + s.computer();
      if (!s.skype()) {
        lines.add(CheckLine.ok(label, s.state() + " (another service, not counted)"));
        continue;
      }
      if (s.holdsShell()) {
        holding++;
      }
      lines.add(
          new CheckLine(
              label,
              s.state() + (s.holdsShell() ? " (counts against the limit)" : ""),
              s.holdsShell() || s.state().equals("Broken") ? CheckStatus.PROBLEM : CheckStatus.OK));
    }
    lines.add(
        new CheckLine(
            "Skype for Business Online sessions",
            holding + " of " + PER_ADMIN + " per administrator",
            holding >= PER_ADMIN ? CheckStatus.PROBLEM : CheckStatus.OK));
    return lines;
  }

  private static void overTheLimit(
      CheckVerdict.Builder verdict, List<Session> holding, List<Session> broken) {
    Session keep = holding.get(holding.size() - 1);
    for (Session s : holding) {
      if (s.id() > keep.id()) {
        keep = s;
      }
    }
    List<String> remove = new ArrayList<>();
    for (Session s : holding) {
      if (s != keep) {
        remove.add(Integer.toString(s.id()));
      }
    }
    broken.forEach(s -> remove.add(Integer.toString(s.id())));
    verdict
        .status(CheckStatus.PROBLEM)
        .headline(
            "You hold "
                + holding.size()
                + " Skype for Business Online sessions: each administrator may have "
                + PER_ADMIN
                + ", so a new connection fails with \"The maximum number of concurrent shells"
                + " for this user has been exceeded\".")
        .fix(
            FixStep.of(
                "Remove the sessions you no longer use (this keeps the newest, session "
                    + keep.id()
                    + "):",
                "Remove-PSSession -Id " + String.join(",", remove)))
        .fix(
            FixStep.of(
                "Or close every Skype for Business Online session at once:",
                "Get-PSSession | Where-Object { $_.ComputerName -like '*.online.lync.com' -or"
                    + " $_.ComputerName -eq '"
                    + TEAMS_HOST
                    + "' } | Remove-PSSession"))
        .note(
            "When you are done with a session, end it with Remove-PSSession so that it does not"
                + " keep holding one of the "
                + PER_ADMIN
                + ".");
  }

  private static void withinTheLimit(
      CheckVerdict.Builder verdict, List<Session> holding, List<Session> broken) {
    verdict
        .status(CheckStatus.OK)
        .headline(
            holding.isEmpty()
                ? "You hold no Skype for Business Online session, so the per-administrator limit"
                    + " of "
                    + PER_ADMIN
                    + " is not the problem."
                : "You hold "
                    + holding.size()
                    + " of "
                    + PER_ADMIN
                    + " Skype for Business Online sessions: "
                    + (PER_ADMIN - holding.size())
                    + " more can be opened.");
    if (!broken.isEmpty()) {
      verdict.fix(
          FixStep.of(
              "Remove the broken sessions; they cannot run commands any more (a remote session"
                  + " ends after 60 minutes):",
              "Remove-PSSession -Id "
                  + String.join(",", broken.stream().map(s -> Integer.toString(s.id())).toList())));
      verdict.related(ENTRY_TIMEOUT);
    }
    verdict.note(
        "If a connection still fails with \"maximum number of concurrent shells for this"
            + " tenant\", the tenant's "
            + PER_TENANT
            + " sessions are held by all administrators together: ask the others to close"
            + " theirs.");
    verdict.related(ENTRY_TENANT);
  }

  /** Whether a ComputerName, possibly cut with "..." by the table, is Skype for Business Online. */
  static boolean isSkypeHost(String computer) {
    String host = computer.toLowerCase(Locale.ROOT);
    boolean cut = host.endsWith("...") || host.endsWith("\u2026");
    if (!cut) {
      return host.endsWith(LYNC_SUFFIX) || host.equals(TEAMS_HOST);
    }
    String stem =
        host.endsWith("...")
            ? host.substring(0, host.length() - 3)
            : host.substring(0, host.length() - 1);
    if (stem.length() >= 5 && TEAMS_HOST.startsWith(stem)) {
      return true;
    }
    int dot = stem.indexOf('.');
    if (dot <= 0) {
      return stem.startsWith("admin");
    }
    String rest = stem.substring(dot);
    return rest.length() >= 2 && LYNC_SUFFIX.startsWith(rest);
  }

  private static Optional<List<Session>> table(List<String> lines) {
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (HEADER.matcher(lines.get(i)).matches()) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      return Optional.empty();
    }
    List<Session> sessions = new ArrayList<>();
    for (int i = header + 1; i < lines.size(); i++) {
      Matcher row = ROW.matcher(lines.get(i));
      if (!row.matches()) {
        continue;
      }
      Optional<String> state = Optional.empty();
      for (String token : row.group(4).trim().split("\\s+")) {
        state = state(token);
        if (state.isPresent()) {
          break;
        }
      }
      sessions.add(
          new Session(
              Integer.parseInt(row.group(1)), row.group(2), row.group(3), state.orElse("Unknown")));
    }
    return Optional.of(sessions);
  }

  private static Optional<List<Session>> list(List<String> lines) {
    List<Session> sessions = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    boolean any = false;
    for (String line : lines) {
      Matcher m = LIST_LINE.matcher(line);
      if (line.isBlank() || (m.matches() && current.containsKey(key(m.group(1))))) {
        any |= flush(current, sessions);
      }
      if (m.matches()) {
        current.put(key(m.group(1)), m.group(2));
      }
    }
    any |= flush(current, sessions);
    return any ? Optional.of(sessions) : Optional.empty();
  }

  private static boolean flush(Map<String, String> block, List<Session> sessions) {
    boolean complete = block.containsKey("computername") && block.containsKey("state");
    if (complete) {
      int id;
      try {
        id = Integer.parseInt(block.getOrDefault("id", "0"));
      } catch (NumberFormatException e) {
        id = 0;
      }
      sessions.add(
          new Session(
              id,
              block.getOrDefault("name", ""),
              block.get("computername"),
              state(block.get("state")).orElse("Unknown")));
    }
    block.clear();
    return complete;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static Optional<String> state(String token) {
    for (String s : STATES) {
      if (s.equalsIgnoreCase(token)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
