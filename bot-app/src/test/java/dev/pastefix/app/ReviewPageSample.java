package dev.pastefix.app;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.feedback.Vote;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.review.Variants;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.state.OutcomeKind;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.Symptom;
import dev.pastefix.storage.DatabaseTarget;
import dev.pastefix.storage.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two weeks of traffic for the review page's screenshot (docs/scripts/review-screenshot.sh), in a
 * state database of a data directory: the shipped bot handles pastes, questions and chatter in
 * direct messages and channels, and what it logged is written to the embedded database spread over
 * the last 14 days (more from day to day, nothing at the weekends), with Helpful and Not helpful
 * votes on some answers.
 */
final class ReviewPageSample {
  static final int DAYS = 14;

  /** Questions about things no shipped entry covers. */
  private static final List<String> OFF_TOPIC =
      List.of(
          "how do I move a SharePoint site to another geo location?",
          "can we rename the default Teams meeting lobby text?",
          "what licence do I need for Teams Phone auto attendants?");

  /**
   * Channel questions the shipped knowledge nearly answers (scores just under a channel's 0.25).
   */
  private static final List<String> NEARLY =
      List.of(
          "new-csonlinesession hangs then times out", "shells exceeded again on the skype tenant");

  /** Channel talk the bot should stay out of. */
  private static final List<String> CHATTER =
      List.of(
          "anyone up for lunch at noon?",
          "the change window moved to Thursday",
          "thanks, that fixed it");

  private ReviewPageSample() {}

  /** Usage: {@code ReviewPageSample DATA_DIR}; the directory must be new or empty. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ReviewPageSample DATA_DIR");
      System.exit(2);
    }
    int rows = write(Path.of(args[0]), Clock.systemUTC());
    System.out.println("wrote " + rows + " answer-log rows to " + args[0]);
  }

  /** Writes the sample into {@code dataDir}; the number of answer-log rows written. */
  static int write(Path dataDir, Clock clock) throws Exception {
    Files.createDirectories(dataDir);
    BotState memory = BotState.inMemory(clock);
    Startup.Ready ready = new Startup().start(Optional.empty(), Optional.empty(), memory);
    Pipeline bot = ready.bot();

    List<String> direct = new ArrayList<>();
    List<String> channel = new ArrayList<>();
    for (Entry entry : ready.knowledge().entries()) {
      entry.examples().stream().limit(2).forEach(direct::add);
      entry.symptoms().stream()
          .filter(Symptom::literal)
          .filter(s -> s.lang().equals("en"))
          .limit(1)
          .map(Symptom::source)
          .forEach(channel::add);
    }
    // A day's messages in the order sent: the shipped knowledge asked and pasted, an unknown
    // error pasted by several people, questions it cannot answer, chatter; a later day has more.
    List<List<Sent>> days = new ArrayList<>();
    List<String> policy = Variants.policyError(DAYS * 2);
    List<String> graph = Variants.graphError(DAYS);
    int n = 0;
    for (int day = 0; day < DAYS; day++) {
      List<Sent> sent = new ArrayList<>();
      DayOfWeek weekday =
          clock
              .instant()
              .minus(Duration.ofDays(DAYS - 1 - day))
              .atZone(ZoneOffset.UTC)
              .getDayOfWeek();
      if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
        days.add(sent); // nobody asks at the weekend
        continue;
      }
      int load = 3 + day / 2;
      for (int i = 0; i < load; i++) {
        sent.add(new Sent(direct.get(n++ % direct.size()), Channel.DIRECT));
        sent.add(new Sent(channel.get(n++ % channel.size()), Channel.CHANNEL));
      }
      sent.add(new Sent(policy.get(2 * day), Channel.DIRECT));
      if (day >= 7) {
        sent.add(new Sent(policy.get(2 * day + 1), Channel.CHANNEL));
        sent.add(new Sent(graph.get(day), Channel.DIRECT));
      }
      sent.add(new Sent(OFF_TOPIC.get(day % OFF_TOPIC.size()), Channel.DIRECT));
      sent.add(new Sent(Variants.exportQuestion().get(day % 4), Channel.CHANNEL));
      sent.add(new Sent(CHATTER.get(day % CHATTER.size()), Channel.CHANNEL));
      if (day % 3 == 0) {
        sent.add(new Sent(NEARLY.get(day / 3 % NEARLY.size()), Channel.CHANNEL));
      }
      days.add(sent);
    }

    // Handled now, one conversation per message; each day's rows get that day's times.
    List<List<Integer>> rowsPerDay = new ArrayList<>();
    int handled = 0;
    for (List<Sent> sent : days) {
      List<Integer> indexes = new ArrayList<>();
      for (Sent s : sent) {
        bot.handle(
            Inbound.message(
                s.text(),
                s.channel(),
                "U" + (handled % 7),
                ConversationKey.of("slack", "T1", "C" + handled)));
        indexes.add(handled++);
      }
      rowsPerDay.add(indexes);
    }
    List<AnswerRecord> logged = awaitRows(memory, handled);

    Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
    try (StateDatabase database =
        StateDatabase.open(
            DatabaseTarget.embedded(dataDir),
            clock,
            BotState.DEFAULT_RETENTION,
            StateDatabase.Deadlines.TOOLS)) {
      BotState state = database.state();
      int votes = 0;
      for (int day = 0; day < DAYS; day++) {
        Instant start = today.minus(Duration.ofDays(DAYS - 1 - day)).plus(Duration.ofHours(8));
        List<Integer> indexes = rowsPerDay.get(day);
        for (int i = 0; i < indexes.size(); i++) {
          AnswerRecord r = logged.get(indexes.get(i));
          Instant at = start.plus(Duration.ofMinutes(17L * i));
          if (at.isAfter(clock.instant())) {
            at = clock.instant().minus(Duration.ofMinutes(indexes.size() - i));
          }
          state.answerLog().append(at(r, at));
          if (r.outcome() == OutcomeKind.ANSWER && !r.entryIds().isEmpty() && i % 3 == 0) {
            // Mostly helpful; one entry's answers are voted down now and then.
            boolean helpful = votes++ % 4 != 3;
            state
                .feedback()
                .record(
                    new Vote(
                        // The reply's key is known only to the platform; the review
                        // finds the voter's answered message without it.
                        "sample-" + indexes.get(i),
                        r.entryIds(),
                        r.senderId(),
                        helpful,
                        at.plus(Duration.ofMinutes(2))));
          }
        }
      }
    }
    return logged.size();
  }

  private record Sent(String text, Channel channel) {}

  private static AnswerRecord at(AnswerRecord r, Instant at) {
    return new AnswerRecord(
        at,
        r.platform(),
        r.channel(),
        r.conversation(),
        r.senderId(),
        r.outcome(),
        r.entryIds(),
        r.confidence(),
        r.language(),
        r.latency(),
        r.redactedText(),
        r.candidates(),
        r.answerKey());
  }

  /** The answer log is written in the background: all rows, in the order handled. */
  private static List<AnswerRecord> awaitRows(BotState state, int rows)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<AnswerRecord> logged = state.answerLog().since(Instant.EPOCH);
    while (logged.size() < rows && System.nanoTime() < deadline) {
      Thread.sleep(20);
      logged = state.answerLog().since(Instant.EPOCH);
    }
    if (logged.size() != rows) {
      throw new IllegalStateException("logged " + logged.size() + " of " + rows + " messages");
    }
    // Each message had a conversation of its own, named by its index.
    AnswerRecord[] ordered = new AnswerRecord[rows];
    for (AnswerRecord r : logged) {
      ordered[Integer.parseInt(r.conversation().channel().substring(1))] = r;
    }
    return List.of(ordered);
  }
}
