package dev.pastefix.core;

import dev.pastefix.core.answer.ReplyComposer;
import dev.pastefix.core.check.CheckDesk;
import dev.pastefix.core.classify.Analyser;
import dev.pastefix.core.classify.Analysis;
import dev.pastefix.core.classify.Candidate;
import dev.pastefix.core.classify.CategoryModel;
import dev.pastefix.core.classify.ModelStore;
import dev.pastefix.core.classify.ShippedModels;
import dev.pastefix.core.search.EntrySearch;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.ConversationStore;
import dev.pastefix.core.state.InMemoryConversationStore;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashSet;
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
 * entries); afterwards one engine serves any number of conversations at once. The pipeline's steps
 * call it; it holds the checks built over the same knowledge, so a reload swaps both at once.
 */
public final class Engine {

  private final KnowledgeBase kb;
  private final Analyser analyser;
  private final DecisionPolicy policy = new DecisionPolicy();
  private final ReplyComposer composer;
  private final EntrySearch search;
  private final ConversationStore questions;
  private final Optional<CheckDesk> checks;

  private Engine(
      KnowledgeBase kb,
      ModelStore models,
      ConversationStore questions,
      Optional<CheckDesk> checks) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.questions = Objects.requireNonNull(questions, "questions");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.analyser = Analyser.forKnowledge(kb, models);
    this.composer = new ReplyComposer(kb, checks.map(c -> c.catalog().inputs()).orElse(Map.of()));
    this.search = new EntrySearch(kb, this::rankedIds);
  }

  /** Builds an engine, optionally with the checks (so that answers offer to run them). */
  public static final class Builder {
    private final KnowledgeBase kb;
    private ConversationStore conversations;
    private Optional<CheckDesk> checks = Optional.empty();
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

    /** The checks over the same knowledge: answers offer them, {@code check} runs them. */
    public Builder checks(CheckDesk desk) {
      this.checks = Optional.of(desk);
      return this;
    }

    /** Reads or trains the categorizer and returns the ready engine. */
    public Engine build() {
      return new Engine(
          kb,
          models,
          conversations != null
              ? conversations
              : new InMemoryConversationStore(java.time.Clock.systemUTC()),
          checks);
    }
  }

  /** A builder for an engine over {@code kb}. */
  public static Builder builder(KnowledgeBase kb) {
    return new Builder(kb);
  }

  /** An engine over {@code kb} without checks. */
  public static Engine create(KnowledgeBase kb) {
    return builder(kb).build();
  }

  public KnowledgeBase knowledge() {
    return kb;
  }

  /** The checks built over this knowledge, when the engine has them. */
  public Optional<CheckDesk> checks() {
    return checks;
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

  /**
   * Diagnoses a message on its channel: the decision policy, with the conversation's open
   * clarifying question answered when the message picks one of its causes.
   */
  public Turn diagnose(Inbound.Message message) {
    {
      Analysis analysis = analyser.analyse(message.text());
      if (!message.channel().addressed()) {
        return traced(
            message, outcome(policy.decide(message.channel(), analysis), analysis), analysis);
      }
      Optional<List<String>> asked = questions.takeQuestion(message.conversationKey());
      if (asked.isPresent() && analysis.signatures().isEmpty()) {
        Optional<String> chosen = analyser.resolveShared(asked.get(), analysis.concepts());
        if (chosen.isPresent()) {
          return traced(
              message,
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
      return traced(message, outcome, analysis);
    }
  }

  /** The outcome with the message's language and the classifiers' best-ranked entries. */
  private static Turn traced(Inbound message, Outcome outcome, Analysis analysis) {
    List<ScoredEntry> ranked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate c : analysis.signatures()) {
      if (seen.add(c.entryId())) {
        ranked.add(new ScoredEntry(c.entryId(), c.score()));
      }
    }
    for (Candidate c : analysis.model()) {
      if (ranked.size() >= Turn.MAX_CANDIDATES) {
        break;
      }
      if (seen.add(c.entryId())) {
        ranked.add(new ScoredEntry(c.entryId(), c.score()));
      }
    }
    return new Turn(message, outcome, analysis.text().facts().lang(), ranked);
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

  /** The help text with {@code usage} (one line per command), after {@code note} if any. */
  public Outcome help(Optional<String> note, List<String> usage) {
    return new Outcome.Info(composer.help(note, usage));
  }

  /** An entry by id, or the entries closest to some words; empty when there are no words. */
  public Optional<Outcome> kb(String argument) {
    String words = argument.strip();
    if (words.isEmpty()) {
      return Optional.empty();
    }
    Optional<Entry> byId = kb.entry(words.toLowerCase(Locale.ROOT));
    if (byId.isPresent()) {
      return Optional.of(new Outcome.Info(composer.entry(byId.get())));
    }
    List<String> ids = search.byWords(words, Thresholds.CLOSEST_ENTRIES);
    return Optional.of(new Outcome.Info(composer.matches(words, ids)));
  }
}
