package dev.pastefix.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.BotCommand;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the platform-neutral {@link Reply} as Slack Block Kit: a header, mrkdwn sections,
 * commands as code blocks, context blocks for what matched, the source and informational notes
 * (chosen by block type, in every language), and the reply's buttons. Every Slack limit is a named
 * constant and long content is cut with an ellipsis.
 */
public final class BlockKitRenderer {
  /** Blocks per message. */
  public static final int MAX_BLOCKS = 50;

  /** Characters in a section's text (and in any text object). */
  public static final int MAX_SECTION_TEXT = 3000;

  /** Characters in a header. */
  public static final int MAX_HEADER_TEXT = 150;

  /** Fields per section. */
  public static final int MAX_FIELDS = 10;

  /** Characters per section field. */
  public static final int MAX_FIELD_TEXT = 2000;

  /** Elements in a context block. */
  public static final int MAX_CONTEXT_ELEMENTS = 10;

  /** Elements in an actions block. */
  public static final int MAX_ACTION_ELEMENTS = 25;

  /** Characters on a button. */
  public static final int MAX_BUTTON_TEXT = 75;

  /** Characters in a button's value. */
  public static final int MAX_BUTTON_VALUE = 2000;

  /** Characters in a link button's URL; longer links cannot be shortened, so they are left out. */
  public static final int MAX_BUTTON_URL = 3000;

  /**
   * Characters of the top-level {@code text}. Slack cuts at 40 000 but recommends at most 4 000;
   * the fallback is a summary, so the recommendation is the limit.
   */
  public static final int MAX_FALLBACK_TEXT = 4000;

  public static final String ELLIPSIS = "…";

  /** Block and action ids the click handlers route on. */
  static final String ACTIONS_BLOCK_ID = "pastefix_actions";

  static final String FEEDBACK_BLOCK_ID = "pastefix_feedback";
  static final String LINK_ACTION_PREFIX = "pastefix_link_";
  static final String FEEDBACK_HELPFUL_ACTION = "pastefix_feedback_helpful";
  static final String FEEDBACK_NOT_HELPFUL_ACTION = "pastefix_feedback_not_helpful";
  static final String RUN_CHECK_ACTION_PREFIX = "pastefix_run_check_";
  static final String SHARE_ACTION = "pastefix_share";

  private static final String FENCE = "```";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Renders a reply posted visibly in a channel, thread or DM. */
  public SlackMessage render(Reply reply) {
    return render(reply, Optional.empty());
  }

  /**
   * Renders a reply; with a {@code shareId} (an ephemeral reply) it adds a "Share in channel"
   * button carrying that id.
   */
  public SlackMessage render(Reply reply, Optional<String> shareId) {
    List<ObjectNode> content = new ArrayList<>();
    for (Block block : reply.blocks()) {
      content.addAll(block.accept(new BlockRenderer()));
    }
    List<ObjectNode> trailer = actionBlocks(reply.actions(), shareId, Wording.of(reply.lang()));
    int room = MAX_BLOCKS - trailer.size();
    ArrayNode blocks = JSON.arrayNode();
    if (content.size() > room) {
      int kept = room - 1;
      content.subList(0, kept).forEach(blocks::add);
      int left = content.size() - kept;
      blocks.add(
          context(
              ELLIPSIS
                  + " "
                  + left
                  + (left == 1 ? " more part" : " more parts")
                  + " not shown: Slack shows at most "
                  + MAX_BLOCKS
                  + " blocks in one message."));
    } else {
      content.forEach(blocks::add);
    }
    trailer.forEach(blocks::add);
    return new SlackMessage(fallbackText(reply.summary()), blocks.toString());
  }

  /**
   * The notification text: the reply's summary, escaped like every other text (Slack reads {@code
   * <!channel>} or {@code <http://x|y>} in it as markup), cut to Slack's recommended length.
   */
  static String fallbackText(String summary) {
    String text = summary.isBlank() ? "pastefix reply" : summary.strip();
    return cutMrkdwn(escape(text), MAX_FALLBACK_TEXT);
  }

  private List<ObjectNode> actionBlocks(
      List<Action> actions, Optional<String> shareId, Wording wording) {
    ButtonWriter writer = new ButtonWriter();
    for (Action action : actions) {
      action.accept(writer);
    }
    ArrayNode buttons = writer.buttons;
    shareId.ifPresent(
        id -> {
          ObjectNode button = button(wording.shareInChannel(), SHARE_ACTION);
          button.put("value", cut(id, MAX_BUTTON_VALUE));
          buttons.add(button);
        });
    List<ObjectNode> blocks = new ArrayList<>();
    if (!buttons.isEmpty()) {
      blocks.add(actions(ACTIONS_BLOCK_ID, buttons));
    }
    if (!writer.feedback.isEmpty()) {
      blocks.add(actions(FEEDBACK_BLOCK_ID, writer.feedback));
    }
    return blocks;
  }

  /** Buttons of the reply's actions: links and checks in one row, the votes in another. */
  private static final class ButtonWriter implements Action.Visitor<Void> {
    final ArrayNode buttons = JSON.arrayNode();
    final ArrayNode feedback = JSON.arrayNode();
    private int counter;

    @Override
    public Void openLink(Action.OpenLink link) {
      String url = link.url().toString();
      if (url.length() <= MAX_BUTTON_URL) {
        ObjectNode button = button(link.label(), LINK_ACTION_PREFIX + counter++);
        button.put("url", url);
        buttons.add(button);
      }
      return null;
    }

    @Override
    public Void feedback(Action.Feedback action) {
      ObjectNode button =
          action.helpful()
              ? button(":thumbsup: " + action.label(), FEEDBACK_HELPFUL_ACTION)
              : button(":thumbsdown: " + action.label(), FEEDBACK_NOT_HELPFUL_ACTION);
      button.put("value", feedbackValue(action.entryIds()));
      feedback.add(button);
      return null;
    }

    @Override
    public Void runCheck(Action.RunCheck action) {
      ObjectNode button = button(action.label(), RUN_CHECK_ACTION_PREFIX + counter++);
      button.put("style", "primary");
      button.put("value", runCheckValue(action.command()));
      buttons.add(button);
      return null;
    }

    @Override
    public Void share(Action.Share action) {
      // Only an ephemeral reply can be shared, and only the sender knows its share id.
      return null;
    }
  }

  /**
   * The value of a Run-check button: the check id, a space, the argument. An argument too long for
   * the value is left out rather than cut, so the check asks for it instead of checking a wrong
   * name.
   */
  static String runCheckValue(BotCommand.RunCheck command) {
    String value = (command.checkId() + " " + command.argument()).strip();
    return value.length() <= MAX_BUTTON_VALUE ? value : command.checkId();
  }

  /** The command a Run-check button's value carries; empty when the value is not one. */
  static Optional<BotCommand.RunCheck> runCheckCommand(String value) {
    String[] parts = value.strip().split(" ", 2);
    if (parts[0].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BotCommand.RunCheck(parts[0], parts.length > 1 ? parts[1] : ""));
  }

  /** The value of a feedback button: the entry ids joined by {@code |}, as many as fit. */
  static String feedbackValue(List<String> entryIds) {
    List<String> kept = new ArrayList<>(entryIds);
    while (!kept.isEmpty() && String.join("|", kept).length() > MAX_BUTTON_VALUE) {
      kept.remove(kept.size() - 1);
    }
    return String.join("|", kept);
  }

  /** The entry ids a feedback button's value carries. */
  static List<String> feedbackEntryIds(String value) {
    List<String> ids = new ArrayList<>();
    for (String id : value.split("\\|")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return List.copyOf(ids);
  }

  private static ObjectNode actions(String blockId, ArrayNode elements) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "actions");
    block.put("block_id", blockId);
    ArrayNode kept = JSON.arrayNode();
    for (int i = 0; i < elements.size() && i < MAX_ACTION_ELEMENTS; i++) {
      kept.add(elements.get(i));
    }
    block.set("elements", kept);
    return block;
  }

  private static ObjectNode button(String label, String actionId) {
    ObjectNode button = JSON.objectNode();
    button.put("type", "button");
    button.set("text", plain(label, MAX_BUTTON_TEXT));
    button.put("action_id", actionId);
    return button;
  }

  private final class BlockRenderer implements Block.Visitor<List<ObjectNode>> {
    @Override
    public List<ObjectNode> heading(Block.Heading heading) {
      ObjectNode block = JSON.objectNode();
      block.put("type", "header");
      block.set("text", plain(oneLine(heading.text()), MAX_HEADER_TEXT));
      return List.of(block);
    }

    @Override
    public List<ObjectNode> paragraph(Block.Paragraph paragraph) {
      return List.of(section(cutMrkdwn(mrkdwn(paragraph.spans()), MAX_SECTION_TEXT)));
    }

    /** What matched explains the answer rather than telling what to do: a quiet context line. */
    @Override
    public List<ObjectNode> provenance(Block.Provenance provenance) {
      return List.of(context(mrkdwn(provenance.spans())));
    }

    /** Where the answer comes from: a quiet context line, like the provenance. */
    @Override
    public List<ObjectNode> source(Block.Source source) {
      return List.of(context(mrkdwn(source.spans())));
    }

    @Override
    public List<ObjectNode> steps(Block.Steps steps) {
      List<ObjectNode> blocks = new ArrayList<>();
      int number = 1;
      for (Block.Step step : steps.items()) {
        blocks.add(section(stepText(number++, step)));
      }
      return blocks;
    }

    @Override
    public List<ObjectNode> code(Block.Code code) {
      return List.of(section(codeBlock(code.text(), MAX_SECTION_TEXT)));
    }

    @Override
    public List<ObjectNode> facts(Block.Facts facts) {
      List<ObjectNode> blocks = new ArrayList<>();
      ArrayNode fields = JSON.arrayNode();
      for (Fact fact : facts.facts()) {
        String text = "*" + escape(oneLine(fact.name())) + "*\n" + escape(fact.value());
        fields.add(mrkdwnObject(cutMrkdwn(text, MAX_FIELD_TEXT)));
        if (fields.size() == MAX_FIELDS) {
          blocks.add(fieldsSection(fields));
          fields = JSON.arrayNode();
        }
      }
      if (!fields.isEmpty()) {
        blocks.add(fieldsSection(fields));
      }
      return blocks;
    }

    @Override
    public List<ObjectNode> note(Block.Note note) {
      String text = emoji(note.severity()) + " " + mrkdwn(note.spans());
      if (note.severity() == Severity.INFO) {
        return List.of(context(text));
      }
      return List.of(section(cutMrkdwn(text, MAX_SECTION_TEXT)));
    }

    @Override
    public List<ObjectNode> divider(Block.Divider divider) {
      ObjectNode block = JSON.objectNode();
      block.put("type", "divider");
      return List.of(block);
    }
  }

  private static String emoji(Severity severity) {
    switch (severity) {
      case INFO:
        return ":information_source:";
      case SUCCESS:
        return ":white_check_mark:";
      case WARNING:
        return ":warning:";
      case ERROR:
        return ":x:";
      default:
        throw new IllegalArgumentException("unknown severity " + severity);
    }
  }

  /** A numbered step with its commands as code blocks, fitted into one section. */
  static String stepText(int number, Block.Step step) {
    String text = cutMrkdwn("*" + number + ".* " + mrkdwn(step.spans()), MAX_SECTION_TEXT);
    StringBuilder out = new StringBuilder(text);
    for (String command : step.commands()) {
      int room = MAX_SECTION_TEXT - out.length() - 1;
      // Below this a code block would show little more than its fences.
      if (room < FENCE.length() * 2 + 20) {
        if (out.length() + ELLIPSIS.length() + 1 <= MAX_SECTION_TEXT) {
          out.append('\n').append(ELLIPSIS);
        }
        break;
      }
      out.append('\n').append(codeBlock(command, room));
    }
    return out.toString();
  }

  /** Code in a fenced block of at most {@code limit} characters, the fences always closed. */
  static String codeBlock(String code, int limit) {
    String body = escape(code.strip());
    int room = limit - FENCE.length() * 2;
    return FENCE + cutMrkdwn(body, room) + FENCE;
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "section");
    block.set("text", mrkdwnObject(mrkdwn.isEmpty() ? " " : mrkdwn));
    return block;
  }

  private static ObjectNode fieldsSection(ArrayNode fields) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "section");
    block.set("fields", fields);
    return block;
  }

  private static ObjectNode context(String mrkdwn) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "context");
    ArrayNode elements = JSON.arrayNode();
    elements.add(mrkdwnObject(cutMrkdwn(mrkdwn, MAX_SECTION_TEXT)));
    block.set("elements", elements);
    return block;
  }

  /** A plain_text object: escaped too, as Slack asks of every text field, then cut. */
  private static ObjectNode plain(String raw, int limit) {
    String text = cutMrkdwn(escape(raw), limit);
    ObjectNode node = JSON.objectNode();
    node.put("type", "plain_text");
    node.put("text", text.isEmpty() ? " " : text);
    node.put("emoji", true);
    return node;
  }

  private static ObjectNode mrkdwnObject(String text) {
    ObjectNode node = JSON.objectNode();
    node.put("type", "mrkdwn");
    node.put("text", text);
    return node;
  }

  /** Spans as Slack mrkdwn. */
  static String mrkdwn(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span span : spans) {
      if (span instanceof Span.Plain) {
        out.append(escape(((Span.Plain) span).text()));
      } else if (span instanceof Span.Strong) {
        out.append(strong(((Span.Strong) span).text()));
      } else if (span instanceof Span.InlineCode) {
        String code = ((Span.InlineCode) span).text().replace('`', '\'');
        out.append('`').append(escape(code)).append('`');
      } else if (span instanceof Span.Link) {
        Span.Link link = (Span.Link) span;
        String label = link.label().replace('|', '/');
        out.append('<')
            .append(link.target().toASCIIString())
            .append('|')
            .append(escape(label))
            .append('>');
      } else {
        throw new IllegalArgumentException("unknown span type " + span.getClass().getName());
      }
    }
    return out.toString();
  }

  /**
   * Bold text. Slack ignores {@code *} next to a space on its inner side, so the spaces of a label
   * such as "Cause: " go outside the asterisks.
   */
  private static String strong(String text) {
    String core = text.strip();
    if (core.isEmpty()) {
      return escape(text);
    }
    int start = text.indexOf(core);
    return escape(text.substring(0, start))
        + "*"
        + escape(core)
        + "*"
        + escape(text.substring(start + core.length()));
  }

  /** Slack requires these three characters escaped in every text, code included. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Cuts plain text to {@code limit} characters, ending in an ellipsis when cut. */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /**
   * Cuts mrkdwn to {@code limit} characters without breaking an entity ({@code &amp;}) or a link
   * ({@code <url|label>}), ending in an ellipsis when cut.
   */
  static String cutMrkdwn(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = Math.max(limit - ELLIPSIS.length(), 0);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    String head = text.substring(0, end);
    int amp = head.lastIndexOf('&');
    if (amp >= 0 && head.indexOf(';', amp) < 0) {
      head = head.substring(0, amp);
    }
    int open = head.lastIndexOf('<');
    if (open >= 0 && head.indexOf('>', open) < 0) {
      head = head.substring(0, open);
    }
    return head + ELLIPSIS;
  }
}
