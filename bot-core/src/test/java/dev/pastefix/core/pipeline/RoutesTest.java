package dev.pastefix.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.reply.PlainTextRenderer;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.testing.TestingPipelines;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one place command words are read. */
class RoutesTest {
  private static final BotState STATE = BotState.inMemory(Clock.systemUTC());
  private static final Routes ROUTES =
      Routes.standard(
          new CurrentEngine(TestingPipelines.engine(STATE)),
          AdminCommands.closed(
              new Reviewer(STATE.answerLog(), STATE.feedback(), Clock.systemUTC()),
              Clock.systemUTC()));

  private static Optional<String> route(String text, Channel channel) {
    return ROUTES
        .match(Inbound.message(text, channel, "U1", ConversationKey.of("test", "T", "c")))
        .map(m -> m.route().name() + (m.argument().isEmpty() ? "" : " " + m.argument()));
  }

  @Test
  void readsASlashCommandByItsFirstWord() {
    assertEquals(Optional.of("kb sign in"), route("kb sign in", Channel.COMMAND));
    assertEquals(Optional.of("kb sign in"), route("/pastefix KB sign in", Channel.COMMAND));
    assertEquals(
        Optional.of("check dns contoso.com"), route("checks dns contoso.com", Channel.COMMAND));
    assertEquals(Optional.of("help"), route("", Channel.COMMAND));
    assertEquals(Optional.of("stats"), route("stats", Channel.COMMAND));
  }

  @Test
  void answersAnUnknownSlashWordWithHelp() {
    assertEquals(Optional.of("frobnicate"), route("frobnicate now", Channel.COMMAND));
    Inbound.Message unknown =
        Inbound.message("frobnicate", Channel.COMMAND, "U1", ConversationKey.of("t", "T", "c"));
    String shown =
        new PlainTextRenderer()
            .render(ROUTES.match(unknown).orElseThrow().run(unknown).visibleReply().orElseThrow());
    assertTrue(shown.contains("I don't know the command 'frobnicate'"), shown);
    assertTrue(shown.contains("kb <id or words>"), shown);
  }

  @Test
  void readsCommandWordsInAddressedProseOnlyWhereTheRouteAcceptsThem() {
    assertEquals(Optional.of("help"), route("<@U0BOT> hello!", Channel.MENTION));
    assertEquals(Optional.of("help"), route("bonjour", Channel.DIRECT));
    assertEquals(Optional.of("check winrm"), route("<@U0BOT> check winrm", Channel.MENTION));
    assertEquals(Optional.of("check"), route("check", Channel.THREAD));
    assertEquals(Optional.empty(), route("check why my sign-in fails", Channel.DIRECT));
    assertEquals(Optional.of("stats"), route("stats", Channel.DIRECT));
    assertEquals(Optional.empty(), route("stats are wrong in the portal", Channel.DIRECT));
    assertEquals(Optional.of("kb max-shells-user"), route("kb max-shells-user", Channel.DIRECT));
    assertEquals(Optional.empty(), route("kb max-shells-user", Channel.CHANNEL));
    assertEquals(Optional.empty(), route("hello", Channel.CHANNEL));
  }
}
