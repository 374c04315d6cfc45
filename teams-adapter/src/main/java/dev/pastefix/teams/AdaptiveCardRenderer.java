package dev.pastefix.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Reply} as an Adaptive Card 1.5 for Teams: the heading large and bold, text as
 * rich-text runs (bold, monospace for inline code, links that open), numbered steps with their
 * commands in monospace blocks, facts as a fact set, notes in a container coloured by severity,
 * source links as {@code Action.OpenUrl} and the feedback and check buttons as {@code
 * Action.Submit}. Text runs carry no markdown, so nothing in a paste can change the formatting. A
 * card over {@link TeamsLimits#MAX_CARD_BYTES} loses blocks from the end and says so.
 */
final class AdaptiveCardRenderer implements Block.Visitor<List<ObjectNode>> {
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  static final String VERSION = "1.5";

  static final String SHORTENED =
      "This answer was shortened to fit in a Teams message; the article links above have the rest.";
  static final String ELLIPSIS = "\u2026";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The card for {@code reply}, within Teams' limits. */
  ObjectNode render(Reply reply) {
    List<ObjectNode> body = new ArrayList<>();
    boolean separate = false;
    for (Block block : reply.blocks()) {
      if (block instanceof Block.Divider) {
        separate = !body.isEmpty();
        continue;
      }
      List<ObjectNode> elements = block.accept(this);
      if (separate && !elements.isEmpty()) {
        elements.get(0).put("separator", true).put("spacing", "Large");
        separate = false;
      }
      body.addAll(elements);
    }
    if (body.isEmpty()) {
      body.add(textBlock(reply.summary()));
    }
    ArrayNode actions = actions(reply.actions());
    String fallback = cut(reply.summary(), TeamsLimits.MAX_SUMMARY_CHARS);
    ObjectNode card = card(body, actions, fallback, false);
    int kept = body.size();
    while (bytes(card) > TeamsLimits.MAX_CARD_BYTES && kept > 1) {
      kept--;
      card = card(body.subList(0, kept), actions, fallback, true);
    }
    if (bytes(card) > TeamsLimits.MAX_CARD_BYTES) {
      card = card(List.of(textBlock(fallback)), actions, fallback, true);
    }
    return card;
  }

  /** The card's size as Teams counts it: UTF-8 JSON. */
  static int bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode card(
      List<ObjectNode> body, ArrayNode actions, String fallback, boolean shortened) {
    ObjectNode card = NODES.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", SCHEMA);
    card.put("version", VERSION);
    card.put("fallbackText", fallback);
    // Answers carry commands; the full width keeps them on one line more often.
    card.putObject("msteams").put("width", "Full");
    ArrayNode items = card.putArray("body");
    body.forEach(e -> items.add(e.deepCopy()));
    if (shortened) {
      ObjectNode notice = textBlock(SHORTENED);
      notice.put("separator", true);
      run(notice).put("isSubtle", true).put("size", "Small");
      items.add(notice);
    }
    if (!actions.isEmpty()) {
      card.set("actions", actions.deepCopy());
    }
    return card;
  }

  // ---- blocks

  @Override
  public List<ObjectNode> heading(Block.Heading heading) {
    ObjectNode block = textBlock(heading.text());
    run(block).put("size", "Large").put("weight", "Bolder");
    return list(block);
  }

  @Override
  public List<ObjectNode> paragraph(Block.Paragraph paragraph) {
    return list(richText(paragraph.spans(), Optional.empty()));
  }

  @Override
  public List<ObjectNode> steps(Block.Steps steps) {
    List<ObjectNode> elements = new ArrayList<>();
    int number = 1;
    for (Block.Step step : steps.items()) {
      elements.add(richText(step.spans(), Optional.of(number + ". ")));
      for (String command : step.commands()) {
        elements.add(codeBlock(command));
      }
      number++;
    }
    return elements;
  }

  @Override
  public List<ObjectNode> code(Block.Code code) {
    return list(codeBlock(code.text()));
  }

  @Override
  public List<ObjectNode> facts(Block.Facts facts) {
    ObjectNode set = NODES.objectNode();
    set.put("type", "FactSet");
    ArrayNode items = set.putArray("facts");
    for (Fact fact : facts.facts()) {
      items
          .addObject()
          .put("title", cut(fact.name(), TeamsLimits.MAX_TEXT_CHARS))
          .put("value", cut(fact.value(), TeamsLimits.MAX_TEXT_CHARS));
    }
    return list(set);
  }

  @Override
  public List<ObjectNode> note(Block.Note note) {
    ObjectNode container = NODES.objectNode();
    container.put("type", "Container");
    container.put("style", style(note.severity()));
    container.putArray("items").add(richText(note.spans(), Optional.empty()));
    return list(container);
  }

  @Override
  public List<ObjectNode> provenance(Block.Provenance provenance) {
    return list(subtle(richText(provenance.spans(), Optional.empty())));
  }

  @Override
  public List<ObjectNode> source(Block.Source source) {
    return list(subtle(richText(source.spans(), Optional.empty())));
  }

  /** Secondary text (what matched, where it comes from): small and subdued, links still open. */
  private static ObjectNode subtle(ObjectNode richText) {
    for (var run : richText.path("inlines")) {
      ((ObjectNode) run).put("isSubtle", true).put("size", "Small");
    }
    return richText;
  }

  @Override
  public List<ObjectNode> divider(Block.Divider divider) {
    // Dividers become the separator of the element after them (see render).
    return List.of();
  }

  static String style(Severity severity) {
    switch (severity) {
      case SUCCESS:
        return "good";
      case WARNING:
        return "warning";
      case ERROR:
        return "attention";
      case INFO:
      default:
        return "accent";
    }
  }

  // ---- actions

  private static ArrayNode actions(List<Action> actions) {
    List<ObjectNode> submits = new ArrayList<>();
    List<ObjectNode> links = new ArrayList<>();
    for (Action action : actions) {
      action
          .accept(new ActionRendering())
          .ifPresent(
              a -> (a.path("type").asText().equals("Action.OpenUrl") ? links : submits).add(a));
    }
    // The buttons that need pastefix (feedback, checks) are kept before links when space is short;
    // the links are also in the card's text.
    int room = Math.max(0, TeamsLimits.MAX_ACTIONS - submits.size());
    ArrayNode out = NODES.arrayNode();
    links.stream().limit(room).forEach(out::add);
    submits.stream().limit(TeamsLimits.MAX_ACTIONS).forEach(out::add);
    return out;
  }

  private static final class ActionRendering implements Action.Visitor<Optional<ObjectNode>> {
    @Override
    public Optional<ObjectNode> openLink(Action.OpenLink action) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "Action.OpenUrl");
      node.put("title", cut(action.label(), TeamsLimits.MAX_ACTION_TITLE_CHARS));
      node.put("url", action.url().toString());
      return Optional.of(node);
    }

    @Override
    public Optional<ObjectNode> feedback(Action.Feedback action) {
      return Optional.of(
          submit(action.label(), new CardAction.Feedback(action.helpful(), action.entryIds())));
    }

    @Override
    public Optional<ObjectNode> runCheck(Action.RunCheck action) {
      return Optional.of(
          submit(action.label(), new CardAction.RunCheck(action.checkId(), action.argument())));
    }

    @Override
    public Optional<ObjectNode> share(Action.Share action) {
      // Teams replies are visible to the conversation already: nothing to share.
      return Optional.empty();
    }

    private static ObjectNode submit(String title, CardAction action) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "Action.Submit");
      node.put("title", cut(title, TeamsLimits.MAX_ACTION_TITLE_CHARS));
      node.set("data", action.data());
      node.put("associatedInputs", "none");
      return node;
    }
  }

  // ---- elements

  /**
   * A line of plain text. Teams reads a {@code TextBlock}'s text as markdown, so a heading that
   * echoes what someone typed ({@code kb [click me](https://evil.example)}) would become a link in
   * the bot's own card; a {@code TextRun} is shown as it is.
   */
  private static ObjectNode textBlock(String text) {
    ObjectNode block = NODES.objectNode();
    block.put("type", "RichTextBlock");
    block
        .putArray("inlines")
        .addObject()
        .put("type", "TextRun")
        .put("text", cut(text, TeamsLimits.MAX_TEXT_CHARS));
    return block;
  }

  /** The one run of a {@link #textBlock}. */
  private static ObjectNode run(ObjectNode textBlock) {
    return (ObjectNode) textBlock.path("inlines").get(0);
  }

  private static ObjectNode codeBlock(String code) {
    ObjectNode container = NODES.objectNode();
    container.put("type", "Container");
    container.put("style", "emphasis");
    ObjectNode text = NODES.objectNode();
    text.put("type", "RichTextBlock");
    ArrayNode inlines = text.putArray("inlines");
    inlines
        .addObject()
        .put("type", "TextRun")
        .put("text", cut(code.strip(), TeamsLimits.MAX_TEXT_CHARS))
        .put("fontType", "Monospace");
    container.putArray("items").add(text);
    return container;
  }

  private static ObjectNode richText(List<Span> spans, Optional<String> number) {
    ObjectNode block = NODES.objectNode();
    block.put("type", "RichTextBlock");
    ArrayNode inlines = block.putArray("inlines");
    number.ifPresent(
        n -> inlines.addObject().put("type", "TextRun").put("text", n).put("weight", "Bolder"));
    int budget = TeamsLimits.MAX_TEXT_CHARS;
    for (Span span : spans) {
      if (budget <= 0) {
        break;
      }
      ObjectNode run = run(span, budget);
      budget -= run.path("text").asText().length();
      inlines.add(run);
    }
    if (inlines.isEmpty()) {
      inlines.addObject().put("type", "TextRun").put("text", " ");
    }
    return block;
  }

  private static ObjectNode run(Span span, int budget) {
    ObjectNode run = NODES.objectNode();
    run.put("type", "TextRun");
    if (span instanceof Span.Plain plain) {
      run.put("text", cut(plain.text(), budget));
    } else if (span instanceof Span.Strong strong) {
      run.put("text", cut(strong.text(), budget)).put("weight", "Bolder");
    } else if (span instanceof Span.InlineCode code) {
      run.put("text", cut(code.text(), budget)).put("fontType", "Monospace");
    } else if (span instanceof Span.Link link) {
      String label = link.label().isBlank() ? link.target().toString() : link.label();
      run.put("text", cut(label, budget)).put("color", "Accent").put("underline", true);
      run.putObject("selectAction")
          .put("type", "Action.OpenUrl")
          .put("url", link.target().toString());
    } else {
      throw new IllegalStateException("no Adaptive Card rendering for span " + span.getClass());
    }
    return run;
  }

  /** {@code text} within {@code max} characters, the cut marked, never inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - ELLIPSIS.length());
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  private static List<ObjectNode> list(ObjectNode node) {
    List<ObjectNode> list = new ArrayList<>();
    list.add(node);
    return list;
  }
}
