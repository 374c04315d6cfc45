package dev.pastefix.app;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.feedback.Votes;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.ConversationStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The console chat, the embedded default when no chat platform is configured. The console is a
 * direct message: every message is sent to the bot as {@link Channel#DIRECT} under one conversation
 * key per console session.
 *
 * <p>Paste rule: a message ends at an empty line or at a line holding only {@code .}; text that
 * itself contains empty lines goes between two lines holding only {@code """}. End of input sends
 * what was typed and ends the chat. A first line starting with {@code /} is sent at once as a slash
 * command ({@link Channel#COMMAND}), like the platforms' {@code /pastefix}.
 */
final class ConsoleAdapter {
  /** A message longer than this is cut (with a notice) so a runaway paste cannot exhaust memory. */
  static final int MAX_MESSAGE_CHARS = 1_000_000;

  static final String END_LINE = ".";
  static final String BLOCK_FENCE = "\"\"\"";
  static final String COMMAND_PREFIX = "/";
  static final String PROMPT = "you> ";
  static final String VOTER_ID = "console";

  static final String BANNER =
      String.join(
          "\n",
          "pastefix console: paste a Skype for Business Online error or ask a question.",
          "Send it with an empty line (press Enter twice) or a line holding only '.'.",
          "Text with empty lines in it: put a line holding only \"\"\" before and after it.",
          "A line starting with '/' is sent at once as a command: '/help' lists them.",
          "Type 'help' for this text, 'helpful' or 'not helpful' to rate the last answer,",
          "'quit' or 'exit' to leave (end of input, Ctrl-D, ends the chat too).");

  private final Bot bot;
  private final Votes votes;
  private final PlainTextRenderer renderer;
  private final ConversationStore conversations;
  private final Clock clock;
  private final ConversationKey conversationKey;

  ConsoleAdapter(
      Bot bot,
      Votes votes,
      ConversationStore conversations,
      PlainTextRenderer renderer,
      Clock clock,
      ConversationKey conversationKey) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.votes = Objects.requireNonNull(votes, "votes");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.conversationKey = Objects.requireNonNull(conversationKey, "conversationKey");
  }

  /** Runs the chat until {@code quit}, {@code exit} or end of input. */
  int run(Terminal terminal) {
    PrintStream out = terminal.out();
    out.println(BANNER);
    out.println();
    Session session = new Session(out);
    try (Reader reader = terminal.reader()) {
      LineReader lines = new LineReader(reader, MAX_MESSAGE_CHARS);
      out.print(PROMPT);
      out.flush();
      while (true) {
        Optional<String> line = lines.next();
        if (line.isEmpty()) {
          session.sendPending();
          out.println();
          out.println("Bye.");
          return ExitCodes.OK;
        }
        if (session.accept(line.get(), lines.lastLineCut()) == Step.QUIT) {
          out.println("Bye.");
          return ExitCodes.OK;
        }
      }
    } catch (IOException e) {
      terminal.err().println("pastefix: could not read the console: " + e.getMessage());
      return ExitCodes.NEGATIVE;
    }
  }

  private enum Step {
    CONTINUE,
    QUIT
  }

  /** The state of one console chat: the message being typed and the last answer. */
  private final class Session {
    private final PrintStream out;
    private final StringBuilder pending = new StringBuilder();
    private boolean inBlock;
    private boolean cut;
    private int answered;

    Session(PrintStream out) {
      this.out = out;
    }

    Step accept(String line, boolean lineCut) {
      String trimmed = line.strip();
      if (inBlock) {
        if (trimmed.equals(BLOCK_FENCE)) {
          inBlock = false;
          sendPending();
        } else {
          append(line, lineCut);
        }
        return Step.CONTINUE;
      }
      if (pending.length() == 0) {
        return first(trimmed, line, lineCut);
      }
      if (trimmed.isEmpty() || trimmed.equals(END_LINE)) {
        sendPending();
      } else {
        append(line, lineCut);
      }
      return Step.CONTINUE;
    }

    /** The first line of a message may be a console command instead of text. */
    private Step first(String trimmed, String line, boolean lineCut) {
      String word = trimmed.toLowerCase(Locale.ROOT);
      switch (word) {
        case "":
        case END_LINE:
          prompt();
          return Step.CONTINUE;
        case "quit":
        case "exit":
        case "/quit":
        case "/exit":
          return Step.QUIT;
        case "help":
        case "?":
          out.println(BANNER);
          out.println();
          prompt();
          return Step.CONTINUE;
        case "helpful":
        case "not helpful":
          rate(word.equals("helpful"));
          prompt();
          return Step.CONTINUE;
        case BLOCK_FENCE:
          inBlock = true;
          return Step.CONTINUE;
        default:
          if (trimmed.startsWith(COMMAND_PREFIX) && trimmed.length() > 1) {
            out.println();
            out.print(answer(trimmed.substring(1), Channel.COMMAND));
            out.println();
            prompt();
          } else {
            append(line, lineCut);
          }
          return Step.CONTINUE;
      }
    }

    private void append(String line, boolean lineCut) {
      int room = MAX_MESSAGE_CHARS - pending.length();
      if (lineCut || line.length() + 1 > room) {
        cut = true;
      }
      if (room <= 0) {
        return;
      }
      if (pending.length() > 0) {
        pending.append('\n');
        room--;
      }
      pending.append(line, 0, Math.min(line.length(), Math.max(0, room)));
    }

    void sendPending() {
      if (pending.length() == 0 || pending.toString().isBlank()) {
        pending.setLength(0);
        cut = false;
        return;
      }
      String text = pending.toString();
      pending.setLength(0);
      if (cut) {
        out.println(
            "(the message was longer than " + MAX_MESSAGE_CHARS + " characters; it was cut)");
        cut = false;
      }
      out.println();
      out.print(answer(text, Channel.DIRECT));
      out.println();
      prompt();
    }

    private String answer(String text, Channel channel) {
      Outcome outcome =
          bot.handle(Inbound.message(text, channel, VOTER_ID, conversationKey)).outcome();
      answered++;
      if (outcome instanceof Outcome.Answer || outcome instanceof Outcome.Clarify) {
        conversations.rememberAnswer(
            conversationKey,
            new ConversationStore.LastAnswer(
                answerKey(answered), outcome.findingIds(), clock.instant()),
            ConversationStore.LAST_ANSWER_TTL);
      }
      return OutcomeText.render(outcome, renderer);
    }

    /** The key votes on the {@code n}th reply of this chat carry. */
    private String answerKey(int n) {
      return conversationKey.asString() + ":" + n;
    }

    private void rate(boolean helpful) {
      // Only the reply just given can be rated: an older answer does not count after a non-answer.
      Optional<ConversationStore.LastAnswer> lastAnswer =
          conversations
              .lastAnswer(conversationKey)
              .filter(a -> a.answerKey().equals(answerKey(answered)));
      if (lastAnswer.isEmpty()) {
        out.println("There is no answer to rate yet.");
        return;
      }
      ConversationStore.LastAnswer rated = lastAnswer.get();
      votes.take(
          conversationKey.platform(), rated.answerKey(), rated.entryIds(), VOTER_ID, helpful);
      out.println(
          "Thanks, noted that the answer about "
              + String.join(" and ", rated.entryIds())
              + (helpful ? " helped." : " did not help."));
    }

    private void prompt() {
      out.print(PROMPT);
      out.flush();
    }
  }

  /**
   * Reads lines of at most {@code maxChars} characters; the rest of a longer line is skipped, so
   * one endless line cannot exhaust memory.
   */
  static final class LineReader {
    private final Reader reader;
    private final int maxChars;
    private boolean lastLineCut;
    private boolean skipNewline;

    LineReader(Reader reader, int maxChars) {
      this.reader = reader;
      this.maxChars = maxChars;
    }

    /** The next line without its terminator (\n, \r\n or \r), or empty at end of input. */
    Optional<String> next() throws IOException {
      StringBuilder line = new StringBuilder();
      lastLineCut = false;
      boolean any = false;
      while (true) {
        int c = reader.read();
        if (c == -1) {
          return any ? Optional.of(line.toString()) : Optional.empty();
        }
        if (skipNewline) {
          skipNewline = false;
          if (c == '\n') {
            continue;
          }
        }
        any = true;
        if (c == '\n') {
          return Optional.of(line.toString());
        }
        if (c == '\r') {
          skipNewline = true;
          return Optional.of(line.toString());
        }
        if (line.length() < maxChars) {
          line.append((char) c);
        } else {
          lastLineCut = true;
        }
      }
    }

    /** Whether the line last returned was longer than the limit and was cut. */
    boolean lastLineCut() {
      return lastLineCut;
    }
  }
}
