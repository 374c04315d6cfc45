package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.IncomingMessage;
import dev.pastefix.core.TestingMessages;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Block Kit the real engine's replies turn into, compared as JSON trees with reviewed snapshots
 * under {@code src/test/resources/snapshots}. After a deliberate change, regenerate them with
 * {@code -Dsnapshots.update=true} and review the diff.
 */
class BlockKitSnapshotTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  static final String TWO_ERRORS =
      "Import-Module : File C:\\Program Files\\Common Files\\Skype for Business Online\\Modules\\"
          + "LyncOnlineConnector\\LyncOnlineConnectorStartup.psm1 cannot be loaded because running"
          + " scripts is disabled on this system.\n"
          + "and later, from another admin's machine:\n"
          + "New-PSSession : [admin1a.online.lync.com] Connecting to remote server"
          + " admin1a.online.lync.com failed with the following error message : The WS-Management"
          + " service cannot process the request. The maximum number of concurrent shells for this"
          + " user has been exceeded. Close existing shells or raise the quota for this user.";

  @Test
  void rendersAnAnswer() throws IOException {
    Outcome outcome = diagnose(Pastes.MAX_SHELLS_TENANT);

    assertTrue(outcome instanceof Outcome.Answer, outcome.toString());
    matchesSnapshot("answer", reply(outcome));
  }

  @Test
  void rendersAClarification() throws IOException {
    Outcome outcome =
        diagnose(
            "Cannot sign in because the server is temporarily unavailable. If the problem"
                + " continues, please contact your support team.");

    assertTrue(outcome instanceof Outcome.Clarify, outcome.toString());
    matchesSnapshot("clarification", reply(outcome));
  }

  @Test
  void rendersATwoErrorAnswer() throws IOException {
    Outcome outcome = diagnose(TWO_ERRORS);

    assertTrue(outcome instanceof Outcome.Answer, outcome.toString());
    assertEquals(2, outcome.findingIds().size(), outcome.findingIds().toString());
    matchesSnapshot("two-errors", reply(outcome));
  }

  @Test
  void rendersADontKnow() throws IOException {
    Outcome outcome = diagnose("the coffee machine on floor 3 shows E42 again");

    assertTrue(outcome instanceof Outcome.Unknown, outcome.toString());
    matchesSnapshot("dont-know", reply(outcome));
  }

  private static Outcome diagnose(String text) {
    return Engines.shipped()
        .handle(TestingMessages.of(text, Channel.DIRECT, "U0USER1", "slack:T0001:D0DM"));
  }

  private static Reply reply(Outcome outcome) {
    if (outcome instanceof Outcome.Answer) {
      return ((Outcome.Answer) outcome).reply();
    } else if (outcome instanceof Outcome.Clarify) {
      return ((Outcome.Clarify) outcome).reply();
    } else if (outcome instanceof Outcome.Unknown) {
      return ((Outcome.Unknown) outcome).reply();
    }
    throw new AssertionError("no reply in " + outcome);
  }

  private void matchesSnapshot(String name, Reply reply) throws IOException {
    SlackMessage message = renderer.render(reply);
    ObjectNode actual = JSON.createObjectNode();
    actual.put("text", message.text());
    actual.set("blocks", JSON.readTree(message.blocksJson()));
    String resource = "/snapshots/" + name + ".json";
    if (Boolean.getBoolean("snapshots.update")) {
      Path file = Path.of("src/test/resources" + resource);
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
      return;
    }
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no snapshot " + resource + "; run with -Dsnapshots.update=true");
      }
      expected = JSON.readTree(in);
    }
    if (!expected.equals(actual)) {
      // Trees differ: compare their printed forms so that the failure shows a readable diff.
      assertEquals(
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual),
          "Block Kit of '" + name + "' differs from its snapshot");
    }
    assertTrue(actual.path("blocks").size() <= BlockKitRenderer.MAX_BLOCKS);
  }
}
