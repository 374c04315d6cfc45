package dev.pastefix.core.check;

import java.util.List;

/**
 * A check an administrator can ask for with {@code check <id> [argument]}: either one the bot runs
 * itself ({@link DnsCheck}) or a {@link GuidedCheck} that reads pasted command output.
 */
public sealed interface Check permits GuidedCheck, DnsCheck {
  /** The stable id typed after {@code check}, such as {@code dns}. */
  String id();

  /** A short human title. */
  String title();

  /** How to call it, such as {@code check dns <domain>}. */
  String usage();

  /** What an answer's "Run check" button passes to this check from the paste. */
  CheckInput input();

  /** The knowledge-base entries this check verifies. */
  List<String> relatedEntryIds();

  /** Runs the check on its argument: a domain name, or pasted command output. */
  CheckVerdict run(String argument);
}
