package dev.pastefix.app;

import dev.pastefix.core.check.Check;
import dev.pastefix.core.check.CheckLine;
import dev.pastefix.core.check.CheckStatus;
import dev.pastefix.core.check.CheckVerdict;
import dev.pastefix.core.check.FixStep;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A check's verdict as terminal text for {@code pastefix check}: a status line a script can grep,
 * the aligned table, the fix with its commands, and the knowledge base's cause and links.
 */
final class VerdictText {
  /** Labels wider than this are not padded further, so one long name cannot push the table off. */
  static final int MAX_LABEL_WIDTH = 48;

  private VerdictText() {}

  static String render(Check check, CheckVerdict verdict, KnowledgeBase knowledge) {
    StringBuilder out = new StringBuilder();
    out.append("check ")
        .append(check.id())
        .append(": ")
        .append(status(verdict.status()))
        .append('\n')
        .append(verdict.headline())
        .append('\n');
    if (!verdict.lines().isEmpty()) {
      int width = 0;
      for (CheckLine line : verdict.lines()) {
        width = Math.max(width, Math.min(MAX_LABEL_WIDTH, line.label().length()));
      }
      out.append('\n');
      for (CheckLine line : verdict.lines()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-9s %-" + width + "s  %s%n",
                mark(line.status()),
                line.label(),
                line.value()));
      }
    }
    if (!verdict.fix().isEmpty()) {
      out.append('\n').append(verdict.recognised() ? "How to fix:" : "What to do:").append('\n');
      int n = 1;
      for (FixStep step : verdict.fix()) {
        out.append("  ").append(n++).append(". ").append(step.text()).append('\n');
        for (String command : step.commands()) {
          out.append("       ").append(command).append('\n');
        }
      }
    }
    if (verdict.status() == CheckStatus.PROBLEM) {
      for (String id : verdict.relatedEntryIds()) {
        Optional<Entry> entry = knowledge.entry(id);
        entry.ifPresent(
            e ->
                out.append('\n')
                    .append("Why (")
                    .append(e.title())
                    .append("): ")
                    .append(e.cause())
                    .append('\n'));
      }
    }
    for (String note : verdict.notes()) {
      out.append('\n').append("Note: ").append(note).append('\n');
    }
    if (verdict.recognised()) {
      List<Entry> entries =
          // The check's own entries are worth a link even when the verdict names fewer.
          Stream.concat(verdict.relatedEntryIds().stream(), check.relatedEntryIds().stream())
              .distinct()
              .map(knowledge::entry)
              .flatMap(Optional::stream)
              .toList();
      if (!entries.isEmpty()) {
        out.append('\n').append("Knowledge base:").append('\n');
        for (Entry e : entries) {
          out.append("  ").append(e.id()).append(" - ").append(e.title()).append('\n');
          out.append("    ").append(e.source().url()).append('\n');
        }
      }
    }
    return out.toString();
  }

  static String status(CheckStatus status) {
    switch (status) {
      case OK:
        return "OK";
      case PROBLEM:
        return "PROBLEM";
      default:
        return "UNRECOGNISED";
    }
  }

  private static String mark(CheckStatus status) {
    switch (status) {
      case OK:
        return "ok";
      case PROBLEM:
        return "PROBLEM";
      default:
        return "?";
    }
  }
}
