package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.testing.SampleReplies;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private JsonNode blocks(Reply reply) throws Exception {
    return JSON.readTree(renderer.render(reply).blocksJson());
  }

  private static List<String> types(JsonNode blocks) {
    List<String> types = new ArrayList<>();
    blocks.forEach(b -> types.add(b.path("type").asText()));
    return types;
  }

  @Test
  void rendersOneOfEveryBlockAndActionType() throws Exception {
    JsonNode blocks = blocks(SampleReplies.everyBlockType());

    assertEquals(
        List.of(
            "header", "context", "section", "section", "section", "section", "section", "context",
            "section", "context", "divider", "actions", "actions"),
        types(blocks));
    assertEquals(
        "Too many sessions for this tenant", blocks.get(0).path("text").path("text").asText());
    assertEquals(
        "*Matched:* the error text `maximum number of concurrent shells` (97% sure)",
        blocks.get(1).path("elements").get(0).path("text").asText());
    assertEquals(
        "The tenant already has *20* open sessions &amp; more; see `Get-PSSession` and"
            + " <https://example.org/article#limits|the article>",
        blocks.get(2).path("text").path("text").asText());
    assertEquals(
        "*1.* Close the sessions you do not need\n```Get-PSSession | Remove-PSSession```",
        blocks.get(3).path("text").path("text").asText());
    assertEquals("*2.* Try again", blocks.get(4).path("text").path("text").asText());
    assertEquals(
        "```New-PSSession -ConnectionUri https://admin1a.online.lync.com/ &lt;x&gt;```",
        blocks.get(5).path("text").path("text").asText());
    assertEquals(
        "*Per admin*\n3 sessions", blocks.get(6).path("fields").get(0).path("text").asText());
    assertEquals(
        ":information_source: The limit was nine sessions in 2018",
        blocks.get(7).path("elements").get(0).path("text").asText());
    assertTrue(blocks.get(8).path("text").path("text").asText().startsWith(":warning: "));
    assertEquals(
        "*Source:* <" + SampleReplies.ARTICLE + "|Diagnose connection problems>",
        blocks.get(9).path("elements").get(0).path("text").asText());
    JsonNode buttons = blocks.get(11).path("elements");
    assertEquals(SampleReplies.ARTICLE.toString(), buttons.get(0).path("url").asText());
    assertEquals("dns contoso.com", buttons.get(1).path("value").asText());
    assertEquals("Run check: dns contoso.com", buttons.get(1).path("text").path("text").asText());
    assertEquals(BlockKitRenderer.FEEDBACK_BLOCK_ID, blocks.get(12).path("block_id").asText());
    assertEquals(
        BlockKitRenderer.FEEDBACK_HELPFUL_ACTION,
        blocks.get(12).path("elements").get(0).path("action_id").asText());
    assertEquals(
        "max-shells-tenant", blocks.get(12).path("elements").get(1).path("value").asText());
  }

  @Test
  void showsProvenanceAndSourceAsContextInEveryLanguage() throws Exception {
    for (String lang : List.of("en", "fr", "ko")) {
      Reply reply = SampleReplies.answer(lang);
      JsonNode blocks = blocks(reply);
      int provenance = indexOf(reply, Block.Provenance.class);
      int source = indexOf(reply, Block.Source.class);

      // Heading and provenance map one to one; the rest is checked by text below.
      assertEquals("context", blocks.get(provenance).path("type").asText(), lang);
      String matched = blocks.get(provenance).path("elements").get(0).path("text").asText();
      assertTrue(matched.contains("`" + SampleReplies.EXECUTION_POLICY_TEXT + "`"), matched);
      JsonNode sourceBlock =
          contextContaining(
              blocks,
              SampleReplies.shipped()
                  .entry("execution-policy")
                  .orElseThrow()
                  .source()
                  .url()
                  .toString());
      assertEquals("context", sourceBlock.path("type").asText(), lang + " source");
      assertTrue(source > provenance, lang);
    }
    // The labels are the translated ones, not the English words in disguise.
    assertTrue(blocks(SampleReplies.answer("fr")).toString().contains("Reconnu"));
    assertTrue(blocks(SampleReplies.answer("ko")).toString().contains("인식됨"));
  }

  @Test
  void labelsTheButtonsInTheRepliesLanguage() throws Exception {
    String french =
        renderer.render(SampleReplies.answer("fr"), Optional.of("share-1")).blocksJson();
    String korean =
        renderer.render(SampleReplies.answer("ko"), Optional.of("share-2")).blocksJson();

    assertTrue(french.contains(":thumbsup: Utile"), french);
    assertTrue(french.contains("Partager dans le canal"), french);
    assertTrue(korean.contains("채널에 공유"), korean);
    assertTrue(korean.contains("검사 실행: execution-policy"), korean);
  }

  private static int indexOf(Reply reply, Class<? extends Block> type) {
    for (int i = 0; i < reply.blocks().size(); i++) {
      if (type.isInstance(reply.blocks().get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + reply);
  }

  private static JsonNode contextContaining(JsonNode blocks, String text) {
    for (JsonNode block : blocks) {
      if (block.toString().contains(text) && !block.path("type").asText().equals("actions")) {
        return block;
      }
    }
    throw new AssertionError("no block with " + text + " in " + blocks);
  }

  @Test
  void usesTheSummaryAsFallbackText() {
    assertEquals(
        "Too many remote PowerShell sessions for this tenant",
        renderer.render(SampleReplies.everyBlockType()).text());
  }

  @Test
  void offersShareButtonOnlyForEphemeralReplies() throws Exception {
    String visible = renderer.render(SampleReplies.everyBlockType()).blocksJson();
    String ephemeral =
        renderer.render(SampleReplies.everyBlockType(), Optional.of("share-1")).blocksJson();

    assertFalse(visible.contains(BlockKitRenderer.SHARE_ACTION));
    assertTrue(ephemeral.contains("\"value\":\"share-1\""));
    assertTrue(ephemeral.contains("Share in channel"));
  }

  @Test
  void cutsALongHeaderToSlacksLimit() throws Exception {
    String text = "H".repeat(400);
    JsonNode header = blocks(reply(new Block.Heading(text))).get(0);

    String rendered = header.path("text").path("text").asText();
    assertEquals(BlockKitRenderer.MAX_HEADER_TEXT, rendered.length());
    assertTrue(rendered.endsWith(BlockKitRenderer.ELLIPSIS));
  }

  @Test
  void cutsALongParagraphToSlacksSectionLimit() throws Exception {
    JsonNode section =
        blocks(reply(Block.Paragraph.of(new Span.Plain("word ".repeat(2000))))).get(0);

    String rendered = section.path("text").path("text").asText();
    assertEquals(BlockKitRenderer.MAX_SECTION_TEXT, rendered.length());
    assertTrue(rendered.endsWith(BlockKitRenderer.ELLIPSIS));
  }

  @Test
  void cutsLongCodeButKeepsItsFencesClosed() throws Exception {
    JsonNode section = blocks(reply(new Block.Code("x".repeat(10_000)))).get(0);

    String rendered = section.path("text").path("text").asText();
    assertTrue(rendered.length() <= BlockKitRenderer.MAX_SECTION_TEXT);
    assertTrue(rendered.startsWith("```"));
    assertTrue(rendered.endsWith(BlockKitRenderer.ELLIPSIS + "```"));
  }

  @Test
  void neverCutsAnEscapedCharacterInHalf() {
    String text = "a".repeat(2995) + "<<<<<<<<<<";

    String cut = BlockKitRenderer.cutMrkdwn(BlockKitRenderer.escape(text), 3000);

    assertTrue(cut.length() <= 3000);
    assertTrue(cut.endsWith("&lt;" + BlockKitRenderer.ELLIPSIS), cut.substring(2980));
  }

  @Test
  void neverCutsALinkInHalf() {
    String text = "a".repeat(2990) + "<https://example.org/long/path|label>";

    String cut = BlockKitRenderer.cutMrkdwn(text, 3000);

    assertEquals("a".repeat(2990) + BlockKitRenderer.ELLIPSIS, cut);
  }

  @Test
  void fitsAStepWithManyCommandsIntoOneSection() throws Exception {
    List<String> commands = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      commands.add("Set-CsSomething -Identity user" + i + " " + "-Flag ".repeat(20));
    }
    JsonNode section =
        blocks(
                reply(
                    new Block.Steps(
                        List.of(new Block.Step(List.of(new Span.Plain("Run")), commands)))))
            .get(0);

    String rendered = section.path("text").path("text").asText();
    assertTrue(rendered.length() <= BlockKitRenderer.MAX_SECTION_TEXT);
    assertEquals(0, count(rendered, "```") % 2, "every code block is closed");
    assertTrue(
        rendered.endsWith(BlockKitRenderer.ELLIPSIS)
            || rendered.endsWith(BlockKitRenderer.ELLIPSIS + "```"));
  }

  @Test
  void keepsAtMostFiftyBlocksAndKeepsTheButtons() throws Exception {
    List<Block> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(Block.Paragraph.of(new Span.Plain("part " + i)));
    }
    Reply reply =
        new Reply(
            "many",
            many,
            List.of(
                new Action.Feedback(List.of("a"), true, "Helpful"),
                new Action.OpenLink("x", URI.create("https://e.org"))));

    JsonNode blocks = blocks(reply);

    assertEquals(BlockKitRenderer.MAX_BLOCKS, blocks.size());
    assertEquals("actions", blocks.get(49).path("type").asText());
    assertEquals(BlockKitRenderer.FEEDBACK_BLOCK_ID, blocks.get(49).path("block_id").asText());
    assertEquals("actions", blocks.get(48).path("type").asText());
    assertEquals("context", blocks.get(47).path("type").asText());
    assertTrue(
        blocks.get(47).toString().contains("33 more parts not shown"), blocks.get(47).toString());
  }

  @Test
  void splitsFactsIntoSectionsOfTenFieldsAndCutsLongValues() throws Exception {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      facts.add(new Fact("n" + i, i == 0 ? "v".repeat(5000) : "v"));
    }
    JsonNode blocks = blocks(reply(new Block.Facts(facts)));

    assertEquals(2, blocks.size());
    assertEquals(BlockKitRenderer.MAX_FIELDS, blocks.get(0).path("fields").size());
    assertEquals(5, blocks.get(1).path("fields").size());
    assertEquals(
        BlockKitRenderer.MAX_FIELD_TEXT,
        blocks.get(0).path("fields").get(0).path("text").asText().length());
  }

  @Test
  void cutsButtonLabelsAndValuesAndSkipsOverlongLinks() throws Exception {
    List<Action> actions = new ArrayList<>();
    actions.add(
        new Action.RunCheck(
            new BotCommand.RunCheck("c".repeat(100), "a".repeat(3000)),
            "Run check " + "c".repeat(100)));
    actions.add(new Action.OpenLink("link", URI.create("https://e.org/" + "p".repeat(3000))));
    for (int i = 0; i < 30; i++) {
      actions.add(new Action.OpenLink("link " + i, URI.create("https://e.org/" + i)));
    }
    JsonNode blocks =
        blocks(new Reply("s", List.of(Block.Paragraph.of(new Span.Plain("x"))), actions));

    JsonNode buttons = blocks.get(1).path("elements");
    assertEquals(BlockKitRenderer.MAX_ACTION_ELEMENTS, buttons.size());
    assertEquals(
        BlockKitRenderer.MAX_BUTTON_TEXT,
        buttons.get(0).path("text").path("text").asText().length());
    assertEquals(
        "c".repeat(100),
        buttons.get(0).path("value").asText(),
        "an argument too long for the value is left out, never cut");
    assertEquals(
        "https://e.org/0", buttons.get(1).path("url").asText(), "the overlong link is left out");
  }

  @Test
  void cutsALongSummaryForTheFallbackText() {
    Reply reply = new Reply("s".repeat(10_000), List.of(), List.of());

    String text = renderer.render(reply).text();

    assertEquals(BlockKitRenderer.MAX_FALLBACK_TEXT, text.length());
    assertTrue(text.endsWith(BlockKitRenderer.ELLIPSIS));
  }

  @Test
  void rendersEmptyTextAsAValidSection() throws Exception {
    JsonNode section = blocks(reply(Block.Paragraph.of())).get(0);

    assertFalse(section.path("text").path("text").asText().isEmpty());
  }

  private static Reply reply(Block block) {
    return new Reply("summary", List.of(block), List.of());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
