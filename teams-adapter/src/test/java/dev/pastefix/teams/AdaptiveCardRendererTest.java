package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.testing.TestingPipelines;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {
  private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
  private final ObjectMapper json = new ObjectMapper();

  static final URI ARTICLE = URI.create("https://learn.microsoft.com/skypeforbusiness/example");

  static Reply everyKind() {
    return new Reply(
        "Looks like: Too many sessions",
        List.of(
            new Block.Heading("Too many sessions"),
            Block.Provenance.of(new Span.Plain("Matched: the error text (97% sure)")),
            Block.Paragraph.of(
                new Span.Plain("Matched "),
                new Span.Strong("the error text"),
                new Span.Plain(" with "),
                new Span.InlineCode("*_markdown_*"),
                new Span.Plain(" and "),
                new Span.Link("the article", ARTICLE)),
            new Block.Steps(
                List.of(
                    new Block.Step(
                        List.of(new Span.Plain("Close the sessions")),
                        List.of("Get-PSSession | Remove-PSSession")),
                    new Block.Step(List.of(new Span.Plain("Sign in again")), List.of()))),
            new Block.Divider(),
            new Block.Code("line one\nline two"),
            new Block.Facts(List.of(new Fact("Per admin", "3 sessions"))),
            new Block.Note(Severity.WARNING, List.of(new Span.Plain("Retired on 2021-07-31"))),
            Block.Source.of(new Span.Plain("Source: "), new Span.Link("the article", ARTICLE))),
        List.of(
            new Action.OpenLink("Article", ARTICLE),
            new Action.RunCheck(
                new BotCommand.RunCheck("sessions", "contoso.com"), "Run check: sessions"),
            new Action.Share(),
            new Action.Feedback(List.of("max-shells-user", "max-shells-tenant"), true, "Helpful"),
            new Action.Feedback(
                List.of("max-shells-user", "max-shells-tenant"), false, "Not helpful")));
  }

  @Test
  void rendersEveryKindOfBlock() {
    ObjectNode card = renderer.render(everyKind());
    JsonNode body = card.path("body");

    assertEquals("AdaptiveCard", card.path("type").asText());
    assertEquals("1.5", card.path("version").asText());
    assertEquals("Looks like: Too many sessions", card.path("fallbackText").asText());
    JsonNode heading = body.path(0);
    assertEquals("RichTextBlock", heading.path("type").asText());
    JsonNode headingRun = heading.path("inlines").path(0);
    assertEquals("TextRun", headingRun.path("type").asText());
    assertEquals("Too many sessions", headingRun.path("text").asText());
    assertEquals("Large", headingRun.path("size").asText());
    assertEquals("Bolder", headingRun.path("weight").asText());

    JsonNode provenance = body.path(1).path("inlines").path(0);
    assertTrue(provenance.path("isSubtle").asBoolean(), "provenance is secondary text");
    assertEquals("Small", provenance.path("size").asText());

    JsonNode runs = body.path(2).path("inlines");
    assertEquals("RichTextBlock", body.path(2).path("type").asText());
    assertEquals("Bolder", runs.path(1).path("weight").asText());
    assertEquals("Monospace", runs.path(3).path("fontType").asText());
    assertEquals("*_markdown_*", runs.path(3).path("text").asText(), "no markdown processing");
    assertEquals(ARTICLE.toString(), runs.path(5).path("selectAction").path("url").asText());

    assertEquals("1. ", body.path(3).path("inlines").path(0).path("text").asText());
    JsonNode command = body.path(4);
    assertEquals("emphasis", command.path("style").asText());
    JsonNode commandRun = command.path("items").path(0).path("inlines").path(0);
    assertEquals("Get-PSSession | Remove-PSSession", commandRun.path("text").asText());
    assertEquals("Monospace", commandRun.path("fontType").asText());
    assertEquals("2. ", body.path(5).path("inlines").path(0).path("text").asText());

    JsonNode code = body.path(6);
    assertTrue(code.path("separator").asBoolean(), "the divider separates the next element");
    assertEquals(
        "line one\nline two",
        code.path("items").path(0).path("inlines").path(0).path("text").asText());
    assertEquals("FactSet", body.path(7).path("type").asText());
    assertEquals("Per admin", body.path(7).path("facts").path(0).path("title").asText());
    assertEquals("warning", body.path(8).path("style").asText());
    JsonNode source = body.path(9).path("inlines");
    assertTrue(source.path(1).path("isSubtle").asBoolean(), "the source line is secondary text");
    assertEquals(ARTICLE.toString(), source.path(1).path("selectAction").path("url").asText());
    assertEquals(10, body.size());
  }

  @Test
  void rendersLinksAsOpenUrlAndButtonsAsSubmitThatComeBackAsActions() {
    JsonNode actions = renderer.render(everyKind()).path("actions");

    assertEquals(4, actions.size(), "share is not a Teams button: " + actions);
    assertEquals("Action.OpenUrl", actions.path(0).path("type").asText());
    assertEquals(ARTICLE.toString(), actions.path(0).path("url").asText());
    assertEquals("Action.Submit", actions.path(1).path("type").asText());
    assertEquals(
        new CardAction.RunCheck("sessions", "contoso.com"),
        CardAction.parse(actions.path(1).path("data")).orElseThrow());
    assertEquals("Run check: sessions", actions.path(1).path("title").asText());
    assertEquals("Helpful", actions.path(2).path("title").asText());
    assertEquals(
        new CardAction.Feedback(true, List.of("max-shells-user", "max-shells-tenant")),
        CardAction.parse(actions.path(2).path("data")).orElseThrow());
    assertEquals(
        new CardAction.Feedback(false, List.of("max-shells-user", "max-shells-tenant")),
        CardAction.parse(actions.path(3).path("data")).orElseThrow());
  }

  @Test
  void keepsFeedbackAndCheckButtonsWhenThereAreMoreLinksThanRoom() {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      actions.add(new Action.OpenLink("Article " + i, ARTICLE.resolve("#" + i)));
    }
    actions.add(new Action.RunCheck(new BotCommand.RunCheck("dns", "contoso.com"), "Run check"));
    actions.add(new Action.Feedback(List.of("a"), true, "Helpful"));
    actions.add(new Action.Feedback(List.of("a"), false, "Not helpful"));

    JsonNode rendered =
        renderer.render(new Reply("s", List.of(new Block.Heading("h")), actions)).path("actions");

    assertEquals(TeamsLimits.MAX_ACTIONS, rendered.size());
    long submits = 0;
    for (JsonNode a : rendered) {
      submits += a.path("type").asText().equals("Action.Submit") ? 1 : 0;
    }
    assertEquals(3, submits);
  }

  @Test
  void shortensAnOversizedCardAndItStaysValidJson() throws Exception {
    List<Block.Step> steps = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      steps.add(
          new Block.Step(
              List.of(new Span.Plain("Step " + i + " of a very long procedure")),
              List.of("Get-CsOnlineUser -Identity user" + i + "@contoso.com | Format-List *")));
    }
    Reply huge =
        new Reply(
            "Looks like: a long one",
            List.of(new Block.Heading("A long one"), new Block.Steps(steps)),
            List.of(new Action.Feedback(List.of("a"), true, "Helpful")));

    ObjectNode card = renderer.render(huge);
    String text = card.toString();

    assertTrue(AdaptiveCardRenderer.bytes(card) <= TeamsLimits.MAX_CARD_BYTES, "" + text.length());
    JsonNode reparsed = json.readTree(text);
    JsonNode body = reparsed.path("body");
    assertEquals("A long one", body.path(0).path("inlines").path(0).path("text").asText());
    assertEquals(
        AdaptiveCardRenderer.SHORTENED,
        body.path(body.size() - 1).path("inlines").path(0).path("text").asText());
    assertEquals(1, reparsed.path("actions").size(), "the buttons survive the cut");
  }

  @Test
  void cutsOneOverlongTextAndNeverSplitsAnEmoji() {
    String emoji = "\uD83D\uDE00";
    String longText = "x".repeat(TeamsLimits.MAX_TEXT_CHARS - 2) + emoji + "tail";

    String cut = AdaptiveCardRenderer.cut(longText, TeamsLimits.MAX_TEXT_CHARS);

    assertTrue(cut.length() <= TeamsLimits.MAX_TEXT_CHARS);
    assertTrue(cut.endsWith(AdaptiveCardRenderer.ELLIPSIS));
    assertFalse(
        Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut.substring(cut.length() - 3));
  }

  @Test
  void shortensAHugeKoreanCardByBytesNotCharacters() throws Exception {
    String korean = "스크립트를 실행할 수 없으므로 파일을 로드할 수 없습니다. ";
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("한국어"));
    for (int i = 0; i < 40; i++) {
      blocks.add(Block.Paragraph.of(new Span.Plain(korean.repeat(20))));
    }

    ObjectNode card = renderer.render(new Reply("요약", blocks, List.of()));

    assertTrue(AdaptiveCardRenderer.bytes(card) <= TeamsLimits.MAX_CARD_BYTES);
    assertEquals(
        "한국어",
        json.readTree(card.toString())
            .path("body")
            .path(0)
            .path("inlines")
            .path(0)
            .path("text")
            .asText());
  }

  @Test
  void rendersFrenchAndKoreanAnswersTheSameWay() {
    for (String[] paste : new String[][] {{Pastes.FRENCH, "fr"}, {Pastes.KOREAN, "ko"}}) {
      Outcome outcome =
          TestingPipelines.shipped(BotState.inMemory(Clock.systemUTC()))
              .handle(
                  Inbound.message(
                      paste[0], Channel.DIRECT, "U1", ConversationKey.of("teams", "t", "c")))
              .outcome();
      Outcome.Answer answer = assertInstanceOf(Outcome.Answer.class, outcome, paste[1]);
      String title =
          TestingPipelines.knowledge()
              .entry("execution-policy")
              .orElseThrow()
              .translation(paste[1])
              .orElseThrow()
              .title();

      ObjectNode card = renderer.render(answer.reply());

      assertEquals(
          title, card.path("body").path(0).path("inlines").path(0).path("text").asText(), paste[1]);
      assertTrue(card.toString().contains("Set-ExecutionPolicy"), paste[1]);
      JsonNode actions = card.path("actions");
      assertEquals("Action.Submit", actions.path(actions.size() - 1).path("type").asText());
    }
  }
}
