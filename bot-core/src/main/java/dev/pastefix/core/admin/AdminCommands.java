package dev.pastefix.core.admin;

import dev.pastefix.core.Origin;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.review.ReviewReport;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.OutcomeKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin commands answer: {@code stats} and {@code review} a short summary, {@code reload}
 * the outcome of reloading the knowledge base, and anyone not listed in {@link Admins} a polite
 * refusal. The pipeline's admin gate decides from the sender's platform and id, the same for every
 * adapter.
 */
public final class AdminCommands {
  private static final Logger LOG = LoggerFactory.getLogger(AdminCommands.class);

  /** The period {@code stats} summarises. */
  public static final Duration STATS_PERIOD = Duration.ofDays(7);

  /** The period {@code review} summarises. */
  public static final Duration REVIEW_PERIOD = Duration.ofDays(30);

  /** Groups and entries a chat summary lists at most. */
  public static final int SUMMARY_ITEMS = 3;

  /** Characters of a signature shown in a chat summary. */
  static final int SIGNATURE_CHARS = 120;

  /** Problems of a refused reload listed in chat (all of them go to the log). */
  static final int PROBLEMS_SHOWN = 15;

  private final Admins admins;
  private final Reviewer reviewer;
  private final Reloader reloader;
  private final Clock clock;

  public AdminCommands(Admins admins, Reviewer reviewer, Reloader reloader, Clock clock) {
    this.admins = Objects.requireNonNull(admins, "admins");
    this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
    this.reloader = Objects.requireNonNull(reloader, "reloader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Admin commands nobody may use (tools that run the pipeline without a service). */
  public static AdminCommands closed(Reviewer reviewer, Clock clock) {
    return new AdminCommands(
        Admins.none(),
        reviewer,
        () -> new Reloader.Rejected(List.of("reloading needs the running service")),
        clock);
  }

  /** Whether the sender of {@code origin} is an admin. */
  public boolean allows(Origin origin) {
    return admins.allows(origin.platform(), origin.senderId());
  }

  /** The reply to somebody who is not an admin. */
  public Outcome refusal(String command, Origin origin) {
    LOG.info("refused /pastefix {} to {}:{}", command, origin.platform(), origin.senderId());
    return reply(
        "Only pastefix admins can use this command.",
        List.of(
            Block.Paragraph.of(
                new Span.Plain("Sorry, "),
                new Span.InlineCode("/pastefix " + command),
                new Span.Plain(
                    " is for pastefix admins only. Whoever runs pastefix can add you to"
                        + " PASTEFIX_ADMINS; everything else ("),
                new Span.InlineCode("/pastefix help"),
                new Span.Plain(") is open to everyone."))));
  }

  /** The statistics of the last {@link #STATS_PERIOD}. */
  public Outcome stats() {
    return stats(reviewer.review(clock.instant().minus(STATS_PERIOD)));
  }

  /** The review of the last {@link #REVIEW_PERIOD}. */
  public Outcome review() {
    return review(reviewer.review(clock.instant().minus(REVIEW_PERIOD)));
  }

  /** Reloads the knowledge base for the admin of {@code origin}. */
  public Outcome reload(Origin origin) {
    return reload(origin.platform() + ":" + origin.senderId());
  }

  private Outcome stats(ReviewReport report) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("pastefix in the last " + STATS_PERIOD.toDays() + " days"));
    blocks.add(
        new Block.Facts(
            List.of(
                new Fact("Messages", Integer.toString(report.messages())),
                new Fact("Answered", count(report, OutcomeKind.ANSWER)),
                new Fact("Asked which cause", count(report, OutcomeKind.CLARIFY)),
                new Fact("Did not know", count(report, OutcomeKind.UNKNOWN)),
                new Fact("Stayed silent", count(report, OutcomeKind.SILENT)),
                new Fact("Help, kb and checks", count(report, OutcomeKind.INFO)))));
    List<EntryReview> byAnswers = new ArrayList<>(report.entries());
    byAnswers.sort((a, b) -> Integer.compare(b.answers(), a.answers()));
    List<Span> spans = new ArrayList<>();
    spans.add(new Span.Strong("Most answered: "));
    int shown = 0;
    for (EntryReview e : byAnswers) {
      if (shown == SUMMARY_ITEMS || e.answers() == 0) {
        break;
      }
      spans.add(new Span.Plain(shown == 0 ? "" : ", "));
      spans.add(new Span.InlineCode(e.id()));
      spans.add(
          new Span.Plain(
              String.format(
                  Locale.ROOT,
                  " %d (%d helpful, %d not)",
                  e.answers(),
                  e.helpful(),
                  e.notHelpful())));
      shown++;
    }
    if (shown == 0) {
      spans.add(new Span.Plain("nothing yet"));
    }
    blocks.add(new Block.Paragraph(spans));
    return reply(
        String.format(
            Locale.ROOT,
            "%d messages in %d days, %s answered",
            report.messages(),
            STATS_PERIOD.toDays(),
            count(report, OutcomeKind.ANSWER)),
        blocks);
  }

  private Outcome review(ReviewReport report) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("What I missed in the last " + REVIEW_PERIOD.toDays() + " days"));
    List<UnknownGroup> groups = report.unknownGroups();
    if (groups.isEmpty()) {
      blocks.add(Block.Paragraph.of(new Span.Plain("No unanswered messages.")));
    } else {
      List<Block.Step> items = new ArrayList<>();
      for (UnknownGroup g : groups.subList(0, Math.min(SUMMARY_ITEMS, groups.size()))) {
        String signature = g.signature().text();
        if (signature.length() > SIGNATURE_CHARS) {
          signature = signature.substring(0, SIGNATURE_CHARS) + "…";
        }
        items.add(
            new Block.Step(
                List.of(
                    new Span.Strong(
                        g.count()
                            + "× from "
                            + g.senders()
                            + (g.senders() == 1 ? " person" : " people")),
                    new Span.Plain(": "),
                    new Span.InlineCode(signature)),
                List.of()));
      }
      blocks.add(new Block.Steps(items));
    }
    List<EntryReview> doubtful =
        report.entries().stream().filter(e -> e.notHelpful() > 0).limit(SUMMARY_ITEMS).toList();
    List<Span> spans = new ArrayList<>();
    spans.add(new Span.Strong("Most Not helpful: "));
    if (doubtful.isEmpty()) {
      spans.add(new Span.Plain("none"));
    }
    for (int i = 0; i < doubtful.size(); i++) {
      EntryReview e = doubtful.get(i);
      spans.add(new Span.Plain(i == 0 ? "" : ", "));
      spans.add(new Span.InlineCode(e.id()));
      spans.add(
          new Span.Plain(
              String.format(
                  Locale.ROOT, " (%d of %d votes)", e.notHelpful(), e.helpful() + e.notHelpful())));
    }
    blocks.add(new Block.Paragraph(spans));
    blocks.add(
        Block.Paragraph.of(
            new Span.Plain(
                report.nearMisses().size() + " near misses in channels. On the server, "),
            new Span.InlineCode("pastefix review --draft DIR"),
            new Span.Plain(" drafts knowledge entries for the top groups.")));
    return reply(
        String.format(
            Locale.ROOT,
            "%d groups of unanswered messages in %d days",
            groups.size(),
            REVIEW_PERIOD.toDays()),
        blocks);
  }

  private Outcome reload(String who) {
    LOG.info("knowledge reload asked by {}", who);
    Reloader.Result result = reloader.reload();
    if (result instanceof Reloader.Reloaded ok) {
      String text =
          "Reloaded: " + ok.entries() + " entries, answering in " + ok.took().toMillis() + " ms.";
      return reply(text, List.of(Block.Paragraph.of(new Span.Plain(text))));
    }
    Reloader.Rejected rejected = (Reloader.Rejected) result;
    List<String> problems = rejected.problems();
    StringBuilder listed = new StringBuilder();
    for (String p : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
      listed.append(p).append('\n');
    }
    if (problems.size() > PROBLEMS_SHOWN) {
      listed.append("… and ").append(problems.size() - PROBLEMS_SHOWN).append(" more in the log\n");
    }
    String summary =
        "Reload refused: "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "; the running knowledge is unchanged.";
    return reply(
        summary,
        List.of(
            new Block.Note(Severity.WARNING, List.of(new Span.Plain(summary))),
            new Block.Code(listed.toString().strip())));
  }

  private static String count(ReviewReport report, OutcomeKind kind) {
    return Integer.toString(report.outcomes().getOrDefault(kind, 0));
  }

  private static Outcome reply(String summary, List<Block> blocks) {
    return new Outcome.Info(new Reply(summary, blocks, List.of()));
  }
}
