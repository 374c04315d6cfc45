package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.testing.SampleReplies;
import dev.pastefix.core.testing.Snapshots;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The Block Kit of the shared sample replies (composed by the core from fixed findings, not by the
 * classifier), compared with reviewed snapshots under {@code src/test/resources/snapshots}.
 */
class BlockKitSnapshotTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void rendersAnAnswer() throws IOException {
    matchesSnapshot("answer", SampleReplies.answer("en"));
  }

  @Test
  void rendersAFrenchAnswer() throws IOException {
    matchesSnapshot("answer-fr", SampleReplies.answer("fr"));
  }

  @Test
  void rendersAKoreanAnswer() throws IOException {
    matchesSnapshot("answer-ko", SampleReplies.answer("ko"));
  }

  @Test
  void rendersAClarification() throws IOException {
    matchesSnapshot("clarification", SampleReplies.clarify("en"));
  }

  @Test
  void rendersATwoErrorAnswer() throws IOException {
    matchesSnapshot("two-errors", SampleReplies.twoErrors());
  }

  @Test
  void rendersADontKnow() throws IOException {
    matchesSnapshot("dont-know", SampleReplies.dontKnow());
  }

  private void matchesSnapshot(String name, Reply reply) throws IOException {
    SlackMessage message = renderer.render(reply);
    ObjectNode actual = JSON.createObjectNode();
    actual.put("text", message.text());
    actual.set("blocks", JSON.readTree(message.blocksJson()));
    assertTrue(actual.path("blocks").size() <= BlockKitRenderer.MAX_BLOCKS);
    Snapshots.assertMatches(name, actual.toString());
  }
}
