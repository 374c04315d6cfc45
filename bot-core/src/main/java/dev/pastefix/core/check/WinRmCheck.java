package dev.pastefix.core.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code winrm get winrm/config/client/auth}: the connector passes its token in a Basic
 * header, so the WinRM client must allow Basic authentication, and Group Policy may forbid it.
 */
public final class WinRmCheck implements GuidedCheck {
  public static final String ID = "winrm";
  public static final String ENTRY = "winrm-basic-auth";
  public static final String ENABLE_BASIC = "winrm set winrm/config/client/auth @{Basic=\"true\"}";

  private static final Pattern SETTING =
      Pattern.compile(
          "^\\s*(Basic|Digest|Kerberos|Negotiate|Certificate|CredSSP)\\s*=\\s*(true|false)"
              + "\\s*(\\[Source=\"?([A-Za-z]+)\"?\\])?\\s*$",
          Pattern.CASE_INSENSITIVE);
  // 0x80338012: the WinRM client cannot reach the local WinRM service.
  private static final Pattern SERVICE_DOWN =
      Pattern.compile("0x80338012|-2144108526|WSManFault", Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "WinRM client Basic authentication";
  }

  @Override
  public String command() {
    return "winrm get winrm/config/client/auth";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY);
  }

  /**
   * What a paste of {@code winrm get winrm/config/client/auth} holds: each setting's value (lower
   * case) and, where WinRM names it, the setting's source (such as {@code GPO}).
   */
  record Parsed(PastedOutput paste, Map<String, String> values, Map<String, String> sources) {
    Parsed {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      sources = Map.copyOf(sources);
    }
  }

  @Override
  public CheckVerdict interpret(String output) {
    Parsed parsed = parse(output);
    if (!parsed.values().containsKey("Basic")) {
      return withoutBasic(parsed);
    }
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY);
    readings(parsed).forEach(verdict::line);
    return verdict(verdict, parsed);
  }

  /** Reads the {@code Name = value [Source="..."]} lines; the first of each setting counts. */
  static Parsed parse(String output) {
    PastedOutput paste = PastedOutput.of(output);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (String line : paste.lines()) {
      Matcher m = SETTING.matcher(line);
      if (m.matches()) {
        String key = canonical(m.group(1));
        values.putIfAbsent(key, m.group(2).toLowerCase(Locale.ROOT));
        if (m.group(4) != null) {
          sources.putIfAbsent(key, m.group(4));
        }
      }
    }
    return new Parsed(paste, values, sources);
  }

  /** One table line per setting, in the paste's order; Basic = false is the problem. */
  static List<CheckLine> readings(Parsed parsed) {
    List<CheckLine> lines = new ArrayList<>();
    parsed
        .values()
        .forEach(
            (key, value) -> {
              String source = parsed.sources().get(key);
              String shown = value + (source == null ? "" : " [Source=\"" + source + "\"]");
              boolean bad = key.equals("Basic") && value.equals("false");
              lines.add(new CheckLine(key, shown, bad ? CheckStatus.PROBLEM : CheckStatus.OK));
            });
    return lines;
  }

  private CheckVerdict withoutBasic(Parsed parsed) {
    if (SERVICE_DOWN.matcher(parsed.paste().text()).find()) {
      return CheckVerdict.builder(ID)
          .related(ENTRY)
          .status(CheckStatus.PROBLEM)
          .line(CheckLine.problem("WinRM service", "not reachable (WSManFault 0x80338012)"))
          .headline(
              "winrm could not read its configuration: the Windows Remote Management (WinRM)"
                  + " service is not running.")
          .fix(
              FixStep.of(
                  "Start PowerShell or a command prompt as an administrator, start the service,"
                      + " then check again:",
                  "net start winrm",
                  command()))
          .build();
    }
    return unrecognised(
        parsed.values().isEmpty()
            ? "I expected lines such as 'Basic = true' under 'Auth'."
            : "The 'Basic = ...' line is missing from the paste.");
  }

  private CheckVerdict verdict(CheckVerdict.Builder verdict, Parsed parsed) {
    boolean basic = parsed.values().get("Basic").equals("true");
    boolean gpo = "GPO".equalsIgnoreCase(parsed.sources().getOrDefault("Basic", ""));
    if (basic) {
      return verdict
          .status(CheckStatus.OK)
          .headline(
              "Basic authentication is enabled for the WinRM client: modern authentication can pass"
                  + " its token.")
          .build();
    }
    verdict
        .status(CheckStatus.PROBLEM)
        .headline(
            "Basic authentication is disabled for the WinRM client"
                + (gpo ? " by Group Policy" : "")
                + ", so the connector's modern authentication fails.");
    if (gpo) {
      verdict.fix(
          FixStep.of(
              "The setting comes from Group Policy, so winrm set cannot change it. Ask the Group"
                  + " Policy administrator to enable \"Allow Basic authentication\" under Computer"
                  + " Configuration > Administrative Templates > Windows Components > Windows"
                  + " Remote Management (WinRM) > WinRM Client, then refresh the policy and check"
                  + " again:",
              "gpupdate /force",
              command()));
    } else {
      verdict.fix(
          FixStep.of(
              "Start a command prompt as an administrator and allow Basic authentication for the"
                  + " WinRM client (the WinRM service must be running: net start winrm):",
              ENABLE_BASIC));
    }
    return verdict.build();
  }

  private static String canonical(String key) {
    for (String k : List.of("Basic", "Digest", "Kerberos", "Negotiate", "Certificate", "CredSSP")) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return key;
  }
}
