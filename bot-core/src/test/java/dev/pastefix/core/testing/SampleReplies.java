package dev.pastefix.core.testing;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.check.CheckInput;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.text.MessageFacts;
import dev.pastefix.knowledge.InvalidKnowledgeException;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.KnowledgeLoader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample replies every renderer test uses. Answers are composed by the core's {@link
 * ReplyComposer} from the shipped knowledge and fixed findings (never by the classifier), so that
 * tuning the classifier does not rewrite rendering snapshots; {@link #everyBlockType()} is built by
 * hand to hold one of every block, span and action.
 */
public final class SampleReplies {
  /** The error text of the execution-policy answers. */
  public static final String EXECUTION_POLICY_TEXT = "running scripts is disabled on this system";

  /** The sign-in address the sample pastes mention. */
  public static final String SIGN_IN = "alice@contoso.com";

  public static final URI ARTICLE =
      URI.create(
          "https://learn.microsoft.com/en-us/skypeforbusiness/troubleshoot/"
              + "diagnose-connection-problems#execution-policy");

  private static final KnowledgeBase SHIPPED = load();
  private static final ReplyComposer COMPOSER =
      new ReplyComposer(
          SHIPPED,
          Map.of(
              "dns", CheckInput.SIGN_IN_DOMAIN,
              "execution-policy", CheckInput.SIGN_IN_ADDRESS,
              "sessions", CheckInput.SIGN_IN_ADDRESS));

  private SampleReplies() {}

  /** The shipped knowledge base, loaded once. */
  public static KnowledgeBase shipped() {
    return SHIPPED;
  }

  /** The answer to an execution-policy paste whose prose is in {@code lang} (en, fr or ko). */
  public static Reply answer(String lang) {
    return COMPOSER.answer(
        List.of(signature("execution-policy", EXECUTION_POLICY_TEXT, 0.97, 0)), facts(lang));
  }

  /** One paste, two errors: the execution policy and the tenant's session limit. */
  public static Reply twoErrors() {
    return COMPOSER.answer(
        List.of(
            signature("execution-policy", EXECUTION_POLICY_TEXT, 0.97, 0),
            signature(
                "max-shells-tenant",
                "The maximum number of concurrent shells for this tenant has been exceeded",
                0.95,
                1)),
        facts("en"));
  }

  /** One error text, two causes: the question which one fits. */
  public static Reply clarify(String lang) {
    return COMPOSER.clarify(
        List.of("server-unavailable-dns", "server-unavailable-adfs"),
        "Cannot sign in because the server is temporarily unavailable",
        facts(lang));
  }

  /** Addressed, nothing recognised: the closest entries. */
  public static Reply dontKnow() {
    return COMPOSER.unknown(
        List.of("clock-skew", "max-shells-user"),
        "Nothing in this message matches an error I know.");
  }

  /** One block of every kind, every span and every action, built by hand. */
  public static Reply everyBlockType() {
    return new Reply(
        "Too many remote PowerShell sessions for this tenant",
        List.of(
            new Block.Heading("Too many sessions for this tenant"),
            Block.Provenance.of(
                new Span.Strong("Matched: "),
                new Span.Plain("the error text "),
                new Span.InlineCode("maximum number of concurrent shells"),
                new Span.Plain(" (97% sure)")),
            Block.Paragraph.of(
                new Span.Plain("The tenant already has "),
                new Span.Strong("20"),
                new Span.Plain(" open sessions & more; see "),
                new Span.InlineCode("Get-PSSession"),
                new Span.Plain(" and "),
                new Span.Link("the article", URI.create("https://example.org/article#limits"))),
            new Block.Steps(
                List.of(
                    new Block.Step(
                        List.of(new Span.Plain("Close the sessions you do not need")),
                        List.of("Get-PSSession | Remove-PSSession")),
                    new Block.Step(List.of(new Span.Plain("Try again")), List.of()))),
            new Block.Code("New-PSSession -ConnectionUri https://admin1a.online.lync.com/ <x>"),
            new Block.Facts(
                List.of(
                    new Fact("Per admin", "3 sessions"), new Fact("Per tenant", "20 sessions"))),
            new Block.Note(
                Severity.INFO, List.of(new Span.Plain("The limit was nine sessions in 2018"))),
            new Block.Note(
                Severity.WARNING, List.of(new Span.Plain("Skype for Business Online was retired"))),
            Block.Source.of(
                new Span.Strong("Source: "),
                new Span.Link("Diagnose connection problems", ARTICLE)),
            new Block.Divider()),
        List.of(
            new Action.OpenLink("Open the article", ARTICLE),
            new Action.RunCheck(
                new BotCommand.RunCheck("dns", "contoso.com"), "Run check: dns contoso.com"),
            new Action.Feedback(List.of("max-shells-tenant"), true, "Helpful"),
            new Action.Feedback(List.of("max-shells-tenant"), false, "Not helpful"),
            new Action.Share()));
  }

  private static Candidate signature(String id, String evidence, double score, int position) {
    return new Candidate(id, score, Candidate.Source.SIGNATURE, position, evidence, List.of());
  }

  private static MessageFacts facts(String lang) {
    return new MessageFacts(
        List.of("Import-Module"),
        List.of(),
        List.of(),
        List.of(),
        Optional.of(SIGN_IN),
        lang,
        List.of());
  }

  private static KnowledgeBase load() {
    try {
      return new KnowledgeLoader().loadShipped();
    } catch (InvalidKnowledgeException e) {
      throw new IllegalStateException("the shipped knowledge base does not load", e);
    }
  }
}
