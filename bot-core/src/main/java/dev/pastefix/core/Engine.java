package dev.pastefix.core;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.check.CheckInput;
import dev.pastefix.core.classify.Analyser;
import dev.pastefix.core.classify.Analysis;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.classify.CategoryModel;
import dev.pastefix.core.classify.ModelStore;
import dev.pastefix.core.classify.ShippedModels;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pastefix engine: normalises a message, runs the signature rules and the categorizer, applies
 * the decision policy for its channel and composes the reply. Construction reads the categorizer's
 * models from a {@link ModelStore}, training those it lacks (about a second per shard of 32
 * entries); afterwards one engine serves any number of conversations at once and never throws from
 * {@link #handle}.
 */
public final class Engine implements Bot {

  private final KnowledgeBase kb;
  private final Analyser analyser;
  private final DecisionPolicy policy = new DecisionPolicy();
  private final ReplyComposer composer;
  private final EntrySearch search;
  private final CommandRouter commands;
  private final ConversationStore questions;
  private final MessageGuard guard =
      new MessageGuard(
          new Bot() {
            @Override
            public Outcome handle(IncomingMessage message) {
              return respond(message).outcome();
            }

            @Override
            public Handled handleTraced(IncomingMessage message) {
              return respond(message);
            }
          });

  private Engine(
      KnowledgeBase kb,
      ModelStore models,
      List<Registration> extra,
      ConversationStore questions,
      Map<String, CheckInput> checkInputs) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.questions = Objects.requireNonNull(questions, "questions");
    this.analyser = Analyser.forKnowledge(kb, models);
    this.composer = new ReplyComposer(kb, checkInputs);
    this.search = new EntrySearch(kb, this::rankedIds);
    CommandRouter.Builder routes =
        CommandRouter.builder()
            .route(
                "help", "help", "what I do and my commands", (arg, msg) -> help(Optional.empty()))
            .route(
                "diagnose",
                "diagnose <text>",
                "diagnose a pasted error or a question",
                (arg, msg) -> diagnose(arg, Channel.DIRECT))
            .route(
                "kb",
                "kb <id or words>",
                "show an entry, or the entries closest to some words",
                (arg, msg) -> kb(arg));
    for (Registration r : extra) {
      routes.route(r.name, r.usage, r.description, r.handler);
    }
    this.commands = routes.build((note, msg) -> help(note));
  }

  private record Registration(
      String name, String usage, String description, CommandHandler handler) {}

  /** Builds an engine, optionally with more slash sub-commands (such as {@code check}). */
  public static final class Builder {
    private final KnowledgeBase kb;
    private final List<Registration> extra = new ArrayList<>();
    private ConversationStore conversations;
    private final Map<String, CheckInput> checkInputs = new LinkedHashMap<>();
    private ModelStore models = new ShippedModels();

    private Builder(KnowledgeBase kb) {
      this.kb = kb;
    }

    /**
     * Where the open clarifying questions are kept (the shared state); without one, this process
     * remembers them.
     */
    public Builder conversations(ConversationStore conversations) {
      this.conversations = Objects.requireNonNull(conversations, "conversations");
      return this;
    }

    /**
     * Where the categorizer's models are read from and kept (by default only the models built with
     * pastefix for the shipped knowledge; anything else is trained at every start).
     */
    public Builder models(ModelStore models) {
      this.models = Objects.requireNonNull(models, "models");
      return this;
    }

    /** Adds a sub-command of the slash command. */
    public Builder command(String name, String usage, String description, CommandHandler handler) {
      extra.add(new Registration(name, usage, description, handler));
      return this;
    }

    /** Declares what each check takes from a paste when an answer offers to run it. */
    public Builder checkInputs(Map<String, CheckInput> inputs) {
      checkInputs.putAll(inputs);
      return this;
    }

    /** Reads or trains the categorizer and returns the ready engine. */
    public Engine build() {
      return new Engine(
          kb,
          models,
          extra,
          conversations != null
              ? conversations
              : new InMemoryConversationStore(java.time.Clock.systemUTC()),
          checkInputs);
    }
  }

  /** A builder for an engine over {@code kb}. */
  public static Builder builder(KnowledgeBase kb) {
    return new Builder(kb);
  }

  /** An engine over {@code kb} with the standard sub-commands (help, diagnose, kb). */
  public static Engine create(KnowledgeBase kb) {
    return builder(kb).build();
  }

  public KnowledgeBase knowledge() {
    return kb;
  }

  /** The entry search the {@code kb} command uses, for autocomplete and tools. */
  public EntrySearch entrySearch() {
    return search;
  }

  /** Entry ids by the categorizer's ranking of some words, best first. */
  private List<String> rankedIds(String words) {
    List<String> ids = new ArrayList<>();
    for (CategoryModel.Score s : analyser.rank(words)) {
      if (!s.category().equals(CategoryModel.NONE)) {
        ids.add(s.category());
      }
    }
    return ids;
  }

  @Override
  public Outcome handle(IncomingMessage message) {
    return handleTraced(message).outcome();
  }

  /**
   * Never throws: a failure while reading a message becomes a polite reply (or silence in a
   * channel), logged and counted by the {@link MessageGuard}.
   */
  @Override
  public Handled handleTraced(IncomingMessage message) {
    return guard.handleTraced(message);
  }

  /** How many messages failed inside the engine since start-up (each got a polite reply). */
  public long failures() {
    return guard.failures();
  }

  private Handled respond(IncomingMessage message) {
    {
      if (message.channel() == Channel.COMMAND) {
        return Handled.of(commands.route(message));
      }
      if (message.channel().addressed() && asksForHelp(message.text())) {
        return Handled.of(help(Optional.empty()));
      }
      Analysis analysis = analyser.analyse(message.text());
      if (!message.channel().addressed()) {
        return traced(outcome(policy.decide(message.channel(), analysis), analysis), analysis);
      }
      Optional<List<String>> asked = questions.takeQuestion(message.conversationKey());
      if (asked.isPresent() && analysis.signatures().isEmpty()) {
        Optional<String> chosen = analyser.resolveShared(asked.get(), analysis.concepts());
        if (chosen.isPresent()) {
          return traced(
              outcome(
                  new Decision.Answer(List.of(chosenCause(chosen.get(), message.text()))),
                  analysis),
              analysis);
        }
      }
      Outcome outcome = outcome(policy.decide(message.channel(), analysis), analysis);
      if (outcome instanceof Outcome.Clarify clarify) {
        questions.openQuestion(
            message.conversationKey(), clarify.findingIds(), ConversationStore.QUESTION_TTL);
      }
      return traced(outcome, analysis);
    }
  }

  /** The outcome with the message's language and the classifiers' best-ranked entries. */
  private static Handled traced(Outcome outcome, Analysis analysis) {
    List<ScoredEntry> ranked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate c : analysis.signatures()) {
      if (seen.add(c.entryId())) {
        ranked.add(new ScoredEntry(c.entryId(), c.score()));
      }
    }
    for (Candidate c : analysis.model()) {
      if (ranked.size() >= Handled.MAX_CANDIDATES) {
        break;
      }
      if (seen.add(c.entryId())) {
        ranked.add(new ScoredEntry(c.entryId(), c.score()));
      }
    }
    return new Handled(outcome, analysis.text().facts().lang(), ranked);
  }

  private static final com.google.re2j.Pattern HELP_WORDS =
      com.google.re2j.Pattern.compile(
          "(?i)\\s*(?:<@[!&]?\\w+>\\s*)*(?:help|aide|\\?|도움말|도움|hi|hello|bonjour|안녕하세요)[\\s!?.]*");

  /** A bare "help" (or greeting) addressed to the bot gets the help text, not a diagnosis. */
  static boolean asksForHelp(String text) {
    return text.length() < 40 && HELP_WORDS.matcher(text).matches();
  }

  /** The cause a reply to a clarifying question chose, with that reply as the evidence. */
  private static Candidate chosenCause(String entryId, String reply) {
    return new Candidate(
        entryId,
        Thresholds.PHRASE_CONFIDENCE,
        Candidate.Source.PHRASE,
        0,
        reply.strip(),
        List.of());
  }

  /** Diagnoses {@code text} as if it arrived on {@code channel}. */
  public Outcome diagnose(String text, Channel channel) {
    Analysis analysis = analyser.analyse(text);
    return outcome(policy.decide(channel, analysis), analysis);
  }

  /** The categorizer, for tools such as the benchmark (shards, how many were trained). */
  public CategoryModel model() {
    return analyser.model();
  }

  /** The classifiers' view of a text, for tools such as the benchmark. */
  public Analysis analyse(String text) {
    return analyser.analyse(text);
  }

  private Outcome outcome(Decision decision, Analysis analysis) {
    if (decision instanceof Decision.Answer a) {
      List<Finding> findings = new ArrayList<>();
      for (Candidate c : a.findings()) {
        findings.add(new Finding(c.entryId(), c.score(), List.of(evidence(c))));
      }
      return new Outcome.Answer(findings, composer.answer(a.findings(), analysis.text().facts()));
    }
    if (decision instanceof Decision.Clarify c) {
      List<Finding> candidates = new ArrayList<>();
      for (String id : c.ids()) {
        candidates.add(new Finding(id, 1.0 / c.ids().size(), List.of(c.evidence())));
      }
      return new Outcome.Clarify(
          candidates, composer.clarify(c.ids(), c.evidence(), analysis.text().facts()));
    }
    if (decision instanceof Decision.Unknown u) {
      return new Outcome.Unknown(u.closest(), composer.unknown(u.closest(), u.why()));
    }
    if (decision instanceof Decision.OtherService o) {
      return new Outcome.Unknown(List.of(), composer.otherService(o.service()));
    }
    if (decision instanceof Decision.BadInput b) {
      return new Outcome.Unknown(List.of(), composer.badInput(b.problem()));
    }
    if (decision instanceof Decision.Silent s) {
      return new Outcome.Silent(s.reason());
    }
    throw new IllegalStateException("unknown decision " + decision);
  }

  private static String evidence(Candidate c) {
    return c.source() == Candidate.Source.SIGNATURE
        ? "error text: " + c.evidence()
        : c.source() == Candidate.Source.PHRASE
            ? "phrase: " + c.evidence()
            : String.format(
                Locale.ROOT, "similar to the entry's examples (%.0f%%)", c.score() * 100);
  }

  private Outcome help(Optional<String> note) {
    Reply reply = composer.help(note, commands.usageLines());
    return new Outcome.Unknown(List.of(), reply);
  }

  private Outcome kb(String argument) {
    String words = argument.strip();
    if (words.isEmpty()) {
      return help(
          Optional.of("kb needs an entry id or some words, for example: kb max-shells-user"));
    }
    Optional<Entry> byId = kb.entry(words.toLowerCase(Locale.ROOT));
    if (byId.isPresent()) {
      Entry e = byId.get();
      return new Outcome.Answer(
          List.of(new Finding(e.id(), 1.0, List.of("requested by id"))), composer.entry(e));
    }
    List<String> ids = search.byWords(words, Thresholds.CLOSEST_ENTRIES);
    return new Outcome.Unknown(ids, composer.matches(words, ids));
  }
}
