package dev.pastefix.core.check;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code $PSVersionTable.PSVersion} (the {@code Major Minor Build Revision} table), a {@code
 * PSVersion 2.0} line of {@code $PSVersionTable}, or {@code $Host.Version}; the connector needs
 * Windows PowerShell 3.0 or later.
 */
public final class PowerShellVersionCheck implements GuidedCheck {
  public static final String ID = "powershell-version";
  public static final String ENTRY = "powershell-version";
  public static final int MINIMUM_MAJOR = 3;

  private static final Pattern HEADER =
      Pattern.compile("^\\s*Major\\s+Minor\\s+(Build|Patch)\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern VALUES =
      Pattern.compile("^\\s*(\\d{1,2})\\s+(\\d{1,3})(?:\\s+(-?\\d+))?.*$");
  private static final Pattern PSVERSION_LINE =
      Pattern.compile(
          "^\\s*(?:PSVersion|Version)\\s*:?\\s+(\\d{1,2})\\.(\\d{1,3})(?:\\.(-?\\d+))?.*$",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Windows PowerShell version";
  }

  @Override
  public String command() {
    return "$PSVersionTable.PSVersion";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY);
  }

  /** A version read from the paste. */
  record Version(int major, int minor, Optional<Integer> build, boolean core) {
    @Override
    public String toString() {
      return major + "." + minor + build.filter(b -> b >= 0).map(b -> "." + b).orElse("");
    }
  }

  @Override
  public CheckVerdict interpret(String output) {
    Optional<Version> version = read(PastedOutput.of(output).lines());
    if (version.isEmpty()) {
      return unrecognised(
          "I expected a table with Major, Minor, Build and Revision and a row of numbers.");
    }
    Version v = version.get();
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY);
    if (v.major() < MINIMUM_MAJOR) {
      return verdict
          .status(CheckStatus.PROBLEM)
          .line(CheckLine.problem("PowerShell version", v + " (needs 3.0 or later)"))
          .headline(
              "This is Windows PowerShell "
                  + v
                  + ": the Skype for Business Online connector needs 3.0 or later, so"
                  + " Import-Module fails.")
          .fix(
              FixStep.of(
                  "Install Windows PowerShell 3.0 or later: it ships in the Windows Management"
                      + " Framework (WMF) from the Microsoft Download Center; WMF 5.1 is the"
                      + " current one. Restart, then check again:",
                  "$PSVersionTable.PSVersion"))
          .build();
    }
    verdict
        .status(CheckStatus.OK)
        .line(CheckLine.ok("PowerShell version", v.toString()))
        .headline("PowerShell " + v + " is recent enough for the connector (3.0 or later).");
    if (v.core()) {
      verdict.note(
          "This is PowerShell "
              + v.major()
              + " (PowerShell Core). The old LyncOnlineConnector module runs in Windows PowerShell"
              + " 5.1; the Teams PowerShell module, its successor, runs in both.");
    }
    return verdict.build();
  }

  static Optional<Version> read(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (header.matches()) {
        boolean core = header.group(1).equalsIgnoreCase("Patch");
        for (int j = i + 1; j < lines.size() && j <= i + 3; j++) {
          Matcher values = VALUES.matcher(lines.get(j));
          if (values.matches()) {
            return Optional.of(
                new Version(
                    Integer.parseInt(values.group(1)),
                    Integer.parseInt(values.group(2)),
                    Optional.ofNullable(values.group(3)).map(Integer::parseInt),
                    core || Integer.parseInt(values.group(1)) >= 6));
          }
        }
      }
    }
    for (String line : lines) {
      Matcher m = PSVERSION_LINE.matcher(line);
      if (m.matches()) {
        int major = Integer.parseInt(m.group(1));
        return Optional.of(
            new Version(
                major,
                Integer.parseInt(m.group(2)),
                Optional.ofNullable(m.group(3)).map(Integer::parseInt),
                major >= 6));
      }
    }
    return Optional.empty();
  }
}
