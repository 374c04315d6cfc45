package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Engine;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Discord payloads for the engine's four kinds of reply, compared as JSON with the files in
 * {@code src/test/resources/snapshots}. After an intended change, run with {@code
 * -Dsnapshots.update=true} and review the diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedSnapshotTest {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  static final Path SOURCE = Path.of("src/test/resources/snapshots");

  final EmbedRenderer renderer = new EmbedRenderer();
  final Engine engine = ShippedEngine.create();

  Outcome diagnose(String text, Channel channel) {
    return engine.handle(TestingMessages.of(text, channel, "u1", "discord:g1:c1"));
  }

  void assertSnapshot(String name, Outcome outcome) throws IOException {
    JsonNode actual =
        JSON.readTree(
            renderer
                .render(outcome, EmbedRenderer.Visibility.PUBLIC)
                .orElseThrow()
                .toData()
                .toJson());
    if (Boolean.getBoolean("snapshots.update")) {
      Files.createDirectories(SOURCE);
      Files.writeString(SOURCE.resolve(name + ".json"), JSON.writeValueAsString(actual) + "\n");
      return;
    }
    try (InputStream in = getClass().getResourceAsStream("/snapshots/" + name + ".json")) {
      if (in == null) {
        throw new AssertionError("no snapshot " + name + ".json; run with -Dsnapshots.update=true");
      }
      JsonNode expected = JSON.readTree(in);
      assertEquals(
          JSON.writeValueAsString(expected), JSON.writeValueAsString(actual), name + " changed");
    }
  }

  @Test
  void answerToAnExecutionPolicyPaste() throws IOException {
    Outcome outcome =
        diagnose(
            "Import-Module : File C:\\Program Files\\Common Files\\Skype for Business"
                + " Online\\Modules\\LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be"
                + " loaded because running scripts is disabled on this system.",
            Channel.DIRECT);
    assertInstanceOf(Outcome.Answer.class, outcome);
    assertSnapshot("answer", outcome);
  }

  @Test
  void clarificationWhenOneErrorHasTwoCauses() throws IOException {
    Outcome outcome = diagnose("Lync says: Server is temporarily unavailable", Channel.DIRECT);
    assertInstanceOf(Outcome.Clarify.class, outcome);
    assertSnapshot("clarify", outcome);
  }

  @Test
  void answerWithTwoErrorsInOnePaste() throws IOException {
    Outcome outcome =
        diagnose(
            "Get-CsWebTicket : Can not load Live Id module. Make sure correct version of Live Id"
                + " Sign-in assistant is installed.\n"
                + "New-PSSession : The maximum number of concurrent shells for this user has been"
                + " exceeded.",
            Channel.DIRECT);
    assertInstanceOf(Outcome.Answer.class, outcome);
    assertEquals(2, ((Outcome.Answer) outcome).findings().size(), outcome.findingIds().toString());
    assertSnapshot("two-errors", outcome);
  }

  @Test
  void dontKnowWhenAddressedWithSomethingElse() throws IOException {
    Outcome outcome = diagnose("the coffee machine on floor 3 is leaking again", Channel.MENTION);
    assertInstanceOf(Outcome.Unknown.class, outcome);
    assertSnapshot("dont-know", outcome);
  }
}
