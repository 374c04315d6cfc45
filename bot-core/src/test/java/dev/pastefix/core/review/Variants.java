package dev.pastefix.core.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same errors pasted by many people, each with their own names, tenants, hosts and dates. */
public final class Variants {
  private Variants() {}

  private static final String[] PEOPLE = {
    "alice", "bob.k", "chen", "dana_ops", "erik", "fatima", "gus", "hana", "ivan", "jo"
  };
  private static final String[] TENANTS = {"contoso", "fabrikam", "northwind", "adatum"};

  /** An error the shipped knowledge does not cover, {@code n} times with different details. */
  public static List<String> policyError(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String person = PEOPLE[i % PEOPLE.length];
      String tenant = TENANTS[i % TENANTS.length];
      String guid =
          String.format(
              Locale.ROOT, "%08x-1a2b-4c3d-8e9f-%012x", 0x5a5a0000 + i * 7919, 77L * i + 3);
      String host = "admin" + (i % 5) + (char) ('a' + i % 3) + ".online.lync.com";
      String text =
          "Grant-CsTeamsMeetingPolicy : The policy assignment for user '"
              + person
              + "@"
              + tenant
              + ".onmicrosoft.com' failed on "
              + host
              + ". Correlation id "
              + guid
              + ", time 2026-11-"
              + String.format(Locale.ROOT, "%02d", 1 + i % 28)
              + "T"
              + String.format(Locale.ROOT, "%02d:%02d:%02dZ", i % 24, i % 60, (i * 7) % 60)
              + "\nAt C:\\Users\\"
              + person
              + "\\scripts\\assign-"
              + i
              + ".ps1:"
              + (10 + i)
              + " char:"
              + (1 + i % 9)
              + "\n+ Grant-CsTeamsMeetingPolicy -Identity "
              + person
              + " -PolicyName RestrictedAnonymous\n"
              + "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
              + "    + CategoryInfo          : InvalidOperation: (:) [Grant-CsTeamsMeetingPolicy], PolicyException\n"
              + "    + FullyQualifiedErrorId : PolicyAssignmentFailed,Microsoft.Teams.Policy";
      // People wrap a paste in a few words of their own.
      if (i % 3 == 1) {
        text = "getting this again:\n" + text;
      } else if (i % 3 == 2) {
        text = "```\n" + text + "\n```\nany ideas?";
      }
      out.add(text);
    }
    return out;
  }

  /** A second, different unknown error. */
  public static List<String> graphError(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String person = PEOPLE[(i + 3) % PEOPLE.length];
      out.add(
          "Connect-MicrosoftTeams : AADSTS50076: Due to a configuration change made by your"
              + " administrator, or because you moved to a new location, you must use multi-factor"
              + " authentication to access '48ac35b8-9aa8-4d74-927d-1f4a14a0b239'. Trace ID: "
              + String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", 0x1000 + i, 99L * i)
              + " Timestamp: 2026-11-2"
              + (i % 9)
              + " 08:1"
              + (i % 10)
              + ":0"
              + (i % 10)
              + "Z (user "
              + person
              + "@fabrikam.com)");
    }
    return out;
  }

  /** One question in plain words, asked in different ways. */
  public static List<String> exportQuestion() {
    return List.of(
        "how do I export the call quality dashboard report for last month?",
        "How can I export the Call Quality Dashboard reports for the last month",
        "is there a way to export call quality dashboard report monthly?",
        "export call quality dashboard reports for last month - how?");
  }
}
