package dev.pastefix.core.check;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Finding;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Origin;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.state.InMemoryPendingCheckStore;
import dev.pastefix.core.state.PendingCheckStore;
import dev.pastefix.knowledge.KnowledgeBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers {@code check ...} requests and reads a pasted output when a conversation waits on a
 * guided check. Thread-safe (the pending table is).
 */
public final class CheckDesk {
  /** The slash sub-command's name: {@code check <id> <argument>}. */
  public static final String COMMAND = "check";

  /** Channels where a message may be the output the conversation waits on. */
  public static final Set<Channel> FOLLOW_UP_CHANNELS =
      EnumSet.of(Channel.DIRECT, Channel.MENTION, Channel.THREAD, Channel.COMMAND);

  private static final Pattern SIGN_IN_ADDRESS =
      Pattern.compile("[^\\s@<>]{1,64}@[A-Za-z0-9.-]{1,253}");

  private final CheckCatalog catalog;
  private final PendingCheckStore pending;
  private final CheckReplies replies;

  public CheckDesk(CheckCatalog catalog, PendingCheckStore pending, CheckReplies replies) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.pending = Objects.requireNonNull(pending, "pending");
    this.replies = Objects.requireNonNull(replies, "replies");
  }

  /**
   * The standard checks over {@code knowledge}, asking {@code dnsResolver} ({@code host:port}) or
   * the system's resolvers, waiting 15 minutes for pasted output.
   */
  public static CheckDesk standard(
      KnowledgeBase knowledge, Optional<String> dnsResolver, Clock clock) {
    return standard(knowledge, dnsResolver, clock, new InMemoryPendingCheckStore(clock));
  }

  /**
   * As {@link #standard(KnowledgeBase, Optional, Clock)}, keeping pending checks in {@code
   * pending}.
   */
  public static CheckDesk standard(
      KnowledgeBase knowledge,
      Optional<String> dnsResolver,
      Clock clock,
      PendingCheckStore pending) {
    return new CheckDesk(
        CheckCatalog.standard(
            DnsClient.create(dnsResolver, DnsClient.DEFAULT_TIMEOUT, DnsClient.DEFAULT_RETRIES),
            clock),
        pending,
        new CheckReplies(knowledge));
  }

  public CheckCatalog catalog() {
    return catalog;
  }

  /** Whether {@code name} (the first word after {@code check}) names one of the checks. */
  public boolean knows(String name) {
    return catalog.find(name.toLowerCase(Locale.ROOT)).isPresent();
  }

  /** Answers {@code check [name [argument]]}; the argument may be multi-line pasted output. */
  public Outcome command(String arguments, Origin origin) {
    String args = arguments.strip();
    if (args.isEmpty()) {
      return new Outcome.Info(replies.list(catalog));
    }
    String[] parts = args.split("\\s+", 2);
    return run(new BotCommand.RunCheck(parts[0], parts.length > 1 ? parts[1] : ""), origin);
  }

  /** Runs a check a button asked for, in the conversation of {@code origin}. */
  public Outcome run(BotCommand.RunCheck request, Origin origin) {
    String name = request.checkId();
    String argument = request.argument();
    Optional<Check> found = catalog.find(name);
    if (found.isEmpty()) {
      return new Outcome.Info(replies.unknownCheck(name, catalog));
    }
    Check check = found.get();
    if (check instanceof GuidedCheck) {
      GuidedCheck guided = (GuidedCheck) check;
      if (argument.isEmpty() || SIGN_IN_ADDRESS.matcher(argument).matches()) {
        // A "Run check" button may carry the paste's sign-in address; it is not command output.
        pending.start(origin.conversationKey(), guided.id(), PendingCheckStore.DEFAULT_TTL);
        return new Outcome.Info(replies.instructions(guided, PendingCheckStore.DEFAULT_TTL));
      }
      CheckVerdict verdict = guided.interpret(argument);
      if (verdict.recognised()) {
        pending.finish(origin.conversationKey());
      } else {
        pending.start(origin.conversationKey(), guided.id(), PendingCheckStore.DEFAULT_TTL);
      }
      return outcome(check, verdict);
    }
    return outcome(check, check.run(argument));
  }

  /**
   * When this conversation waits on a guided check and the message is that command's output, the
   * verdict; otherwise empty, and the wait goes on until it expires.
   */
  public Optional<Outcome> followUp(Inbound.Message message) {
    if (!FOLLOW_UP_CHANNELS.contains(message.channel())) {
      return Optional.empty();
    }
    Optional<Check> waiting = pending.pending(message.conversationKey()).flatMap(catalog::find);
    if (waiting.isEmpty() || !(waiting.get() instanceof GuidedCheck)) {
      return Optional.empty();
    }
    GuidedCheck check = (GuidedCheck) waiting.get();
    CheckVerdict verdict = check.interpret(message.text());
    if (!verdict.recognised()) {
      return Optional.empty();
    }
    pending.finish(message.conversationKey());
    return Optional.of(outcome(check, verdict));
  }

  /** Runs a check outside chat (the command line), without touching pending checks. */
  public Optional<CheckVerdict> run(String checkId, String argument) {
    return catalog.find(checkId).map(check -> check.run(argument));
  }

  /** A problem is an answer naming its entries; anything else is information. */
  Outcome outcome(Check check, CheckVerdict verdict) {
    Reply reply = replies.verdict(check, verdict);
    if (verdict.status() == CheckStatus.PROBLEM && !verdict.relatedEntryIds().isEmpty()) {
      List<String> evidence = new ArrayList<>();
      for (CheckLine line : verdict.lines()) {
        if (line.status() == CheckStatus.PROBLEM) {
          evidence.add(line.label() + ": " + line.value());
        }
      }
      if (evidence.isEmpty()) {
        evidence.add(verdict.headline());
      }
      List<Finding> findings = new ArrayList<>();
      for (String id : verdict.relatedEntryIds()) {
        findings.add(new Finding(id, 1.0, evidence));
      }
      return new Outcome.Answer(findings, reply);
    }
    return new Outcome.Info(reply);
  }
}
