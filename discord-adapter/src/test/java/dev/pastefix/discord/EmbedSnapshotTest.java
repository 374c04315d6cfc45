package dev.pastefix.discord;

import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.testing.SampleReplies;
import dev.pastefix.core.testing.Snapshots;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Discord payloads of the shared sample replies (composed by the core from fixed findings, not
 * by the classifier), compared with reviewed snapshots under {@code src/test/resources/snapshots}.
 */
class EmbedSnapshotTest {
  final EmbedRenderer renderer = new EmbedRenderer();

  void assertSnapshot(String name, Reply reply) {
    byte[] json = renderer.render(reply, EmbedRenderer.Visibility.PUBLIC).toData().toJson();
    Snapshots.assertMatches(name, new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void answerToAnExecutionPolicyPaste() {
    assertSnapshot("answer", SampleReplies.answer("en"));
  }

  @Test
  void answerInFrench() {
    assertSnapshot("answer-fr", SampleReplies.answer("fr"));
  }

  @Test
  void answerInKorean() {
    assertSnapshot("answer-ko", SampleReplies.answer("ko"));
  }

  @Test
  void clarificationWhenOneErrorHasTwoCauses() {
    assertSnapshot("clarify", SampleReplies.clarify("en"));
  }

  @Test
  void answerWithTwoErrorsInOnePaste() {
    assertSnapshot("two-errors", SampleReplies.twoErrors());
  }

  @Test
  void dontKnowWhenAddressedWithSomethingElse() {
    assertSnapshot("dont-know", SampleReplies.dontKnow());
  }
}
