package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.testing.SampleReplies;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class EmbedRendererTest {
  final EmbedRenderer renderer = new EmbedRenderer();

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  MessageCreateData render(List<Block> blocks) {
    return renderer.render(
        new Reply("summary", blocks, List.of()), EmbedRenderer.Visibility.PUBLIC);
  }

  static List<Button> buttons(MessageCreateData data) {
    List<Button> all = new ArrayList<>();
    data.getComponents().forEach(c -> all.addAll(c.asActionRow().getButtons()));
    return all;
  }

  @Test
  void rendersEveryBlockSpanAndActionKind() {
    MessageCreateData data =
        renderer.render(SampleReplies.everyBlockType(), EmbedRenderer.Visibility.EPHEMERAL);
    assertEquals(1, data.getEmbeds().size(), "a closing divider starts no empty embed");
    MessageEmbed embed = data.getEmbeds().get(0);
    assertEquals("Too many sessions for this tenant", embed.getTitle());
    String description = embed.getDescription();
    assertTrue(
        description.startsWith(
            "-# **Matched: **the error text `maximum number of concurrent shells` (97% sure)"),
        description);
    assertTrue(description.contains("**20** open sessions & more"), description);
    assertTrue(description.contains("`Get-PSSession`"), description);
    assertTrue(
        description.contains("[the article](https://example.org/article#limits)"), description);
    assertTrue(
        description.contains(
            "**1.** Close the sessions you do not need\n```powershell\n"
                + "Get-PSSession | Remove-PSSession\n```"),
        description);
    assertTrue(description.contains("\u26a0\ufe0f Skype for Business Online was retired"));
    assertTrue(
        description.endsWith(
            "-# **Source: **[Diagnose connection problems](" + SampleReplies.ARTICLE + ")"),
        description);
    MessageEmbed.Field fact = embed.getFields().get(0);
    assertEquals("Per admin", fact.getName());
    assertEquals("3 sessions", fact.getValue());
    assertTrue(fact.isInline());
    assertEquals(
        EmbedRenderer.COLOUR_WARNING, embed.getColorRaw(), "colour follows the worst note");
    assertEquals("pastefix \u00b7 source: learn.microsoft.com", embed.getFooter().getText());
    List<String> ids = new ArrayList<>();
    for (Button b : buttons(data)) {
      ids.add(b.getCustomId() == null ? b.getUrl() : b.getCustomId());
    }
    assertEquals(
        List.of(
            "pf:ck:dns:contoso.com",
            "pf:share",
            "pf:fb:y:max-shells-tenant",
            "pf:fb:n:max-shells-tenant",
            SampleReplies.ARTICLE.toString()),
        ids);
  }

  @Test
  void showsProvenanceAndSourceAsSubtextInEveryLanguage() {
    for (String lang : List.of("en", "fr", "ko")) {
      String description =
          renderer
              .render(SampleReplies.answer(lang), EmbedRenderer.Visibility.PUBLIC)
              .getEmbeds()
              .get(0)
              .getDescription();
      List<String> subtext =
          description.lines().filter(l -> l.startsWith(EmbedRenderer.SUBTEXT)).toList();
      assertEquals(2, subtext.size(), lang + ": " + description);
      assertTrue(subtext.get(0).contains(SampleReplies.EXECUTION_POLICY_TEXT), subtext.get(0));
      assertTrue(subtext.get(1).contains("](https://learn.microsoft.com/"), subtext.get(1));
    }
  }

  @Test
  void labelsTheButtonsInTheRepliesLanguage() {
    List<String> labels =
        buttons(renderer.render(SampleReplies.answer("fr"), EmbedRenderer.Visibility.EPHEMERAL))
            .stream()
            .map(Button::getLabel)
            .toList();
    assertTrue(
        labels.containsAll(List.of("Utile", "Pas utile", "Partager dans le canal")),
        labels.toString());
  }

  @Test
  void laterHeadingsOpenFieldsAndLongSectionsContinueInNewFields() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Title"));
    blocks.add(Block.Paragraph.of(new Span.Plain("intro")));
    blocks.add(new Block.Heading("Steps"));
    List<Block.Step> steps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      steps.add(new Block.Step(List.of(new Span.Plain(repeat('s', 200))), List.of()));
    }
    blocks.add(new Block.Steps(steps));
    MessageEmbed embed = render(blocks).getEmbeds().get(0);
    assertEquals("intro", embed.getDescription());
    assertEquals("Steps", embed.getFields().get(0).getName());
    assertTrue(embed.getFields().size() > 1, "ten long steps do not fit one field");
    assertEquals(EmbedRenderer.BLANK, embed.getFields().get(1).getName());
    assertTrue(embed.getFields().get(1).getValue().startsWith("**5.**"), "whole steps move on");
    for (MessageEmbed.Field f : embed.getFields()) {
      assertTrue(f.getValue().length() <= DiscordLimits.FIELD_VALUE);
      assertFalse(f.getValue().contains(Truncation.ELLIPSIS), "nothing was cut");
    }
  }

  @Test
  void silentRendersNothing() {
    assertTrue(
        renderer.render(new Outcome.Silent("lunch"), EmbedRenderer.Visibility.PUBLIC).isEmpty());
  }

  @Test
  void publicRepliesHaveNoShareButtonAndEphemeralOnesAlwaysDo() {
    Reply reply = new Reply("s", List.of(new Block.Heading("t")), List.of(new Action.Share()));
    assertTrue(
        buttons(renderer.render(reply, EmbedRenderer.Visibility.PUBLIC)).isEmpty(), "public: none");
    Reply without = new Reply("s", List.of(new Block.Heading("t")), List.of());
    List<Button> ephemeral = buttons(renderer.render(without, EmbedRenderer.Visibility.EPHEMERAL));
    assertEquals(List.of("pf:share"), ephemeral.stream().map(Button::getCustomId).toList());
  }

  @Test
  void titleIsCutAt256WithAnEllipsis() {
    MessageEmbed embed = render(List.of(new Block.Heading(repeat('t', 300)))).getEmbeds().get(0);
    assertEquals(DiscordLimits.TITLE, embed.getTitle().length());
    assertTrue(embed.getTitle().endsWith(Truncation.ELLIPSIS));
  }

  @Test
  void descriptionIsCutAt4096WithAnEllipsis() {
    MessageEmbed embed =
        render(List.of(Block.Paragraph.of(new Span.Plain(repeat('d', 5000))))).getEmbeds().get(0);
    assertEquals(DiscordLimits.DESCRIPTION, embed.getDescription().length());
    assertTrue(embed.getDescription().endsWith(Truncation.ELLIPSIS));
  }

  @Test
  void fieldNameIsCutAt256AndValueAt1024() {
    MessageEmbed embed =
        render(
                List.of(
                    new Block.Heading("t"),
                    Block.Paragraph.of(new Span.Plain("d")),
                    new Block.Heading(repeat('n', 300)),
                    Block.Paragraph.of(new Span.Plain(repeat('v', 2000)))))
            .getEmbeds()
            .get(0);
    MessageEmbed.Field field = embed.getFields().get(0);
    assertEquals(DiscordLimits.FIELD_NAME, field.getName().length());
    assertTrue(field.getName().endsWith(Truncation.ELLIPSIS));
    assertEquals(DiscordLimits.FIELD_VALUE, field.getValue().length());
    assertTrue(field.getValue().endsWith(Truncation.ELLIPSIS));
  }

  @Test
  void keepsAtMost25Fields() {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      facts.add(new Fact("fact " + i, "value " + i));
    }
    MessageEmbed embed =
        render(List.of(new Block.Heading("t"), new Block.Facts(facts))).getEmbeds().get(0);
    assertEquals(DiscordLimits.FIELDS, embed.getFields().size());
    assertEquals("fact 0", embed.getFields().get(0).getName());
  }

  @Test
  void keepsAtMost10Embeds() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      blocks.add(new Block.Heading("finding " + i));
      blocks.add(new Block.Divider());
    }
    MessageCreateData data = render(blocks);
    assertEquals(DiscordLimits.EMBEDS, data.getEmbeds().size());
    assertEquals("finding 0", data.getEmbeds().get(0).getTitle());
  }

  @Test
  void keepsAllEmbedsOfAMessageWithin6000Characters() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      blocks.add(new Block.Heading("finding " + i));
      blocks.add(Block.Paragraph.of(new Span.Plain(repeat('x', 3000))));
      blocks.add(new Block.Divider());
    }
    MessageCreateData data = render(blocks);
    int total = data.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum();
    assertTrue(total <= DiscordLimits.EMBED_TOTAL, "total " + total);
    assertTrue(total > DiscordLimits.EMBED_TOTAL - 100, "uses the room it has: " + total);
    MessageEmbed last = data.getEmbeds().get(data.getEmbeds().size() - 1);
    String lastText = last.getDescription() == null ? last.getTitle() : last.getDescription();
    assertTrue(lastText.endsWith(Truncation.ELLIPSIS), "the cut is marked");
    assertTrue(last.getFooter() != null, "the footer survives the cut");
  }

  @Test
  void summaryAloneBecomesContentCutAt2000() {
    MessageCreateData data =
        renderer.render(
            new Reply(repeat('c', 2500), List.of(), List.of()), EmbedRenderer.Visibility.PUBLIC);
    assertTrue(data.getEmbeds().isEmpty());
    assertEquals(DiscordLimits.CONTENT, data.getContent().length());
    assertTrue(data.getContent().endsWith(Truncation.ELLIPSIS));
  }

  @Test
  void packsAtMostFiveButtonsPerRowAndFiveRows() {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      actions.add(new Action.OpenLink("link " + i, URI.create("https://example.com/" + i)));
    }
    MessageCreateData data =
        renderer.render(
            new Reply("s", List.of(new Block.Heading("t")), actions),
            EmbedRenderer.Visibility.PUBLIC);
    assertEquals(DiscordLimits.ROWS, data.getComponents().size());
    for (var row : data.getComponents()) {
      ActionRow actionRow = row.asActionRow();
      assertTrue(actionRow.getButtons().size() <= DiscordLimits.BUTTONS_PER_ROW);
    }
  }

  @Test
  void customIdsStayWithin100Characters() {
    List<String> manyIds = List.of(repeat('a', 40), repeat('b', 40), repeat('c', 40));
    Reply reply =
        new Reply(
            "s",
            List.of(new Block.Heading("t")),
            List.of(
                new Action.Feedback(manyIds, true, "Helpful"),
                new Action.RunCheck(
                    new BotCommand.RunCheck("dns-cname", repeat('h', 200) + ".example.com"),
                    "Run check: dns-cname " + repeat('h', 200) + ".example.com")));
    List<Button> buttons = buttons(renderer.render(reply, EmbedRenderer.Visibility.PUBLIC));
    for (Button b : buttons) {
      assertTrue(b.getCustomId().length() <= DiscordLimits.CUSTOM_ID, b.getCustomId());
    }
    assertEquals("pf:ck:dns-cname:", buttons.get(0).getCustomId(), "a cut argument would mislead");
    assertEquals(
        "pf:fb:y:" + repeat('a', 40) + "|" + repeat('b', 40), buttons.get(1).getCustomId());
    assertTrue(buttons.get(0).getLabel().length() <= DiscordLimits.BUTTON_LABEL);
  }

  @Test
  void dropsLinksDiscordWouldRefuse() {
    Reply reply =
        new Reply(
            "s",
            List.of(new Block.Heading("t")),
            List.of(
                new Action.OpenLink("file", URI.create("file:///etc/passwd")),
                new Action.OpenLink("long", URI.create("https://example.com/" + repeat('p', 600))),
                new Action.OpenLink("ok", URI.create("https://example.com/ok"))));
    List<Button> buttons = buttons(renderer.render(reply, EmbedRenderer.Visibility.PUBLIC));
    assertEquals(List.of("https://example.com/ok"), buttons.stream().map(Button::getUrl).toList());
  }

  @Test
  void aCutCodeBlockIsClosed() {
    MessageEmbed embed =
        render(List.of(new Block.Heading("t"), new Block.Code(repeat('x', 6000))))
            .getEmbeds()
            .get(0);
    String description = embed.getDescription();
    assertTrue(description.endsWith(Truncation.ELLIPSIS + "\n```"), description.substring(4000));
  }

  @Test
  void colourFollowsTheMostSevereNote() {
    MessageEmbed embed =
        render(
                List.of(
                    new Block.Heading("t"),
                    new Block.Note(Severity.INFO, List.of(new Span.Plain("i"))),
                    new Block.Note(Severity.WARNING, List.of(new Span.Plain("w"))),
                    new Block.Note(Severity.SUCCESS, List.of(new Span.Plain("s")))))
            .getEmbeds()
            .get(0);
    assertEquals(EmbedRenderer.COLOUR_WARNING, embed.getColorRaw());
  }
}
