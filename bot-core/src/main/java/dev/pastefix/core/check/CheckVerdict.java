package dev.pastefix.core.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a check concluded: the status, a one-line headline, the table of what it saw, the fix it
 * computed for this case, the knowledge-base entries behind the problem, and extra notes.
 */
public record CheckVerdict(
    String checkId,
    CheckStatus status,
    String headline,
    List<CheckLine> lines,
    List<FixStep> fix,
    List<String> relatedEntryIds,
    List<String> notes) {
  public CheckVerdict {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(headline, "headline");
    lines = List.copyOf(lines);
    fix = List.copyOf(fix);
    relatedEntryIds = List.copyOf(relatedEntryIds);
    notes = List.copyOf(notes);
  }

  public boolean ok() {
    return status == CheckStatus.OK;
  }

  public boolean recognised() {
    return status != CheckStatus.UNRECOGNISED;
  }

  /** Starts a verdict for {@code checkId}. */
  public static Builder builder(String checkId) {
    return new Builder(checkId);
  }

  /** Collects the parts of a verdict while an interpreter reads the output. */
  public static final class Builder {
    private final String checkId;
    private CheckStatus status = CheckStatus.OK;
    private String headline = "";
    private final ArrayList<CheckLine> lines = new ArrayList<>();
    private final ArrayList<FixStep> fix = new ArrayList<>();
    private final LinkedHashSet<String> related = new LinkedHashSet<>();
    private final ArrayList<String> notes = new ArrayList<>();

    private Builder(String checkId) {
      this.checkId = Objects.requireNonNull(checkId, "checkId");
    }

    public Builder status(CheckStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    public Builder headline(String headline) {
      this.headline = Objects.requireNonNull(headline, "headline");
      return this;
    }

    public Builder line(CheckLine line) {
      lines.add(line);
      return this;
    }

    public Builder fix(FixStep step) {
      fix.add(step);
      return this;
    }

    public Builder related(String... entryIds) {
      related.addAll(List.of(entryIds));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public CheckVerdict build() {
      return new CheckVerdict(checkId, status, headline, lines, fix, List.copyOf(related), notes);
    }
  }
}
