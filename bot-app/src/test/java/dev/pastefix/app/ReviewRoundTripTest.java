package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.admin.Reloader;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.review.Variants;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop the review closes: messages the bot cannot answer, the review, a draft, a person filling
 * it in, a reload without restart, and the same messages answered.
 */
class ReviewRoundTripTest {
  @TempDir Path knowledge;

  @Test
  void answersTheSameMessagesAfterTheDraftIsFilledInAndReloaded() throws Exception {
    Startup startup = new Startup();
    BotState state = BotState.inMemory(Clock.systemUTC());
    Startup.Ready ready = startup.start(Optional.empty(), Optional.empty(), state);
    Pipeline bot = ready.bot();
    KnowledgeReload reload =
        new KnowledgeReload(
            startup, Optional.of(knowledge), Optional.empty(), state, ready.engine());
    List<String> pastes = Variants.policyError(40);
    for (int i = 0; i < pastes.size(); i++) {
      Channel channel = i % 2 == 0 ? Channel.DIRECT : Channel.CHANNEL;
      Outcome before = bot.handle(message(pastes.get(i), channel, i)).outcome();
      assertTrue(
          before instanceof Outcome.Unknown || before instanceof Outcome.Silent,
          "not known before: " + before);
    }

    // The answer log is written in the background; review once all 40 are in.
    awaitRows(state, pastes.size());

    // Review and draft.
    TestingTerminal review = new TestingTerminal();
    int code =
        TestingCommandLine.run(
            new ReviewCommand(
                env -> new ReviewSources.Opened(state.answerLog(), state.feedback(), () -> {}),
                new dev.pastefix.knowledge.KnowledgeLoader(),
                Clock.systemUTC()),
            List.of("--draft", knowledge.toString(), "--top", "3"),
            review.terminal);
    assertEquals(ExitCodes.OK, code, review.err());
    assertTrue(review.out().contains("40 messages, 10 people"), review.out());
    List<Path> drafts;
    try (Stream<Path> files = Files.list(knowledge)) {
      drafts = files.toList();
    }
    assertEquals(1, drafts.size(), "one group, one draft: " + drafts);
    Path draft = drafts.get(0);

    // kb validate lists exactly the fields a person must write; a reload refuses the draft.
    TestingTerminal validate = new TestingTerminal();
    assertEquals(
        ExitCodes.NEGATIVE,
        TestingCommandLine.run(
            new KbCommand(new dev.pastefix.knowledge.KnowledgeLoader()),
            List.of("validate", knowledge.toString()),
            validate.terminal));
    List<String> problems = validate.out().lines().filter(l -> l.contains(": entry '")).toList();
    assertEquals(4, problems.size(), validate.out());
    assertTrue(problems.get(0).contains("field 'title'"), problems.get(0));
    assertTrue(problems.get(1).contains("field 'cause'"), problems.get(1));
    assertTrue(problems.get(2).contains("field 'steps'"), problems.get(2));
    assertTrue(problems.get(3).contains("field 'links'"), problems.get(3));
    Reloader.Result refused = reload.reload();
    assertEquals(4, ((Reloader.Rejected) refused).problems().size());
    assertInstanceOf(
        Outcome.Unknown.class, bot.handle(message(pastes.get(0), Channel.DIRECT, 100)).outcome());

    // A person fills the fields in; the reload takes it.
    Files.writeString(draft, fill(Files.readString(draft)), StandardCharsets.UTF_8);
    TestingTerminal valid = new TestingTerminal();
    assertEquals(
        ExitCodes.OK,
        TestingCommandLine.run(
            new KbCommand(new dev.pastefix.knowledge.KnowledgeLoader()),
            List.of("validate", knowledge.toString()),
            valid.terminal),
        valid.out());
    assertInstanceOf(Reloader.Reloaded.class, reload.reload());

    String id = draft.getFileName().toString().replace(".yaml", "");
    for (int i = 0; i < pastes.size(); i++) {
      for (Channel channel : List.of(Channel.DIRECT, Channel.CHANNEL)) {
        Outcome after = bot.handle(message(pastes.get(i), channel, i)).outcome();
        assertInstanceOf(Outcome.Answer.class, after, pastes.get(i));
        assertEquals(List.of(id), after.findingIds());
      }
    }
  }

  /** What a person writes into a new-entry draft: the four fields marked TO WRITE. */
  static String fill(String yaml) {
    return yaml.replaceAll(
            "(?m)^    title:    # TO WRITE.*$",
            "    title: Assigning a meeting policy fails for some users")
        .replaceAll(
            "(?m)^    cause:    # TO WRITE.*$",
            "    cause: The policy was assigned while the user's account was still being moved.")
        .replaceAll(
            "(?m)^    steps:    # TO WRITE.*\\n(^ +#.*\\n)*",
            "    steps:\n      - text: Wait an hour, then assign the policy again.\n"
                + "        commands: [\"Grant-CsTeamsMeetingPolicy -Identity <user> -PolicyName <policy>\"]\n")
        .replaceAll(
            "(?m)^    links:    # TO WRITE.*\\n(^ +#.*\\n)*",
            "    links:\n      - {label: Grant-CsTeamsMeetingPolicy, url:"
                + " \"https://learn.microsoft.com/powershell/module/teams/grant-csteamsmeetingpolicy\"}\n");
  }

  private static Inbound message(String text, Channel channel, int i) {
    return Inbound.message(
        text, channel, "U" + (i % 10), ConversationKey.of("slack", "T1", "C" + i));
  }

  private static void awaitRows(BotState state, int rows) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (state.answerLog().since(java.time.Instant.EPOCH).size() < rows
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(rows, state.answerLog().since(java.time.Instant.EPOCH).size());
  }
}
