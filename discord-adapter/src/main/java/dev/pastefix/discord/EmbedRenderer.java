package dev.pastefix.discord;

import dev.pastefix.core.Outcome;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.reply.Action;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Fact;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders the engine's {@link Reply} as Discord embeds and buttons. The first heading becomes the
 * title, later headings open fields, a divider starts a new embed, facts become inline fields and
 * the colour follows the most severe note. Every Discord limit is enforced here, by truncation with
 * an ellipsis, so that a long paste never makes Discord reject the reply.
 */
public final class EmbedRenderer {

  /** Who sees the reply: everybody in the channel, or only the person who asked. */
  public enum Visibility {
    PUBLIC,
    EPHEMERAL
  }

  static final int COLOUR_INFO = 0x5865F2;
  static final int COLOUR_SUCCESS = 0x57F287;
  static final int COLOUR_WARNING = 0xFEE75C;
  static final int COLOUR_ERROR = 0xED4245;

  /** Discord shows an empty field name or value as an error; a zero-width space is "nothing". */
  static final String BLANK = "\u200b";

  static final String FOOTER_PREFIX = "pastefix";
  static final String CODE_LANGUAGE = "powershell";

  /** Discord's subtext marker at the start of a line. */
  static final String SUBTEXT = "-# ";

  /** The message for an outcome, or empty for {@link Outcome.Silent}. */
  public Optional<MessageCreateData> render(Outcome outcome, Visibility visibility) {
    return outcome.visibleReply().map(reply -> render(reply, visibility));
  }

  /** The message for one reply; the summary becomes the content only when there is no body. */
  public MessageCreateData render(Reply reply, Visibility visibility) {
    List<Draft> drafts = drafts(reply.blocks());
    List<MessageEmbed> embeds = embeds(drafts, footer(reply.actions()));
    MessageCreateBuilder message = new MessageCreateBuilder();
    if (embeds.isEmpty()) {
      String summary = reply.summary().isBlank() ? Truncation.ELLIPSIS : reply.summary();
      message.setContent(Truncation.fit(summary, DiscordLimits.CONTENT));
    } else {
      message.setEmbeds(embeds);
    }
    message.setComponents(buttons(reply.actions(), visibility, Wording.of(reply.lang())));
    // Pasted text may hold @everyone or role mentions: nothing the bot posts pings anybody, not
    // even the author of the message it replies to (JDA pings them unless told otherwise).
    message.setAllowedMentions(List.of());
    message.mentionRepliedUser(false);
    return message.build();
  }

  // ---- blocks -> drafts

  private static List<Draft> drafts(List<Block> blocks) {
    DraftWriter writer = new DraftWriter();
    for (Block block : blocks) {
      block.accept(writer);
    }
    return writer.finish();
  }

  /** Writes blocks into drafts of embeds: a divider closes the current one. */
  private static final class DraftWriter implements Block.Visitor<Void> {
    private final List<Draft> drafts = new ArrayList<>();
    private Draft current = new Draft();

    List<Draft> finish() {
      if (!current.isEmpty()) {
        drafts.add(current);
      }
      return drafts;
    }

    @Override
    public Void heading(Block.Heading heading) {
      current.heading(heading.text());
      return null;
    }

    @Override
    public Void paragraph(Block.Paragraph paragraph) {
      current.add(markdown(paragraph.spans()));
      return null;
    }

    @Override
    public Void steps(Block.Steps steps) {
      int number = 1;
      for (Block.Step step : steps.items()) {
        StringBuilder text = new StringBuilder("**").append(number++).append(".** ");
        text.append(markdown(step.spans()));
        for (String command : step.commands()) {
          text.append('\n').append(codeBlock(command));
        }
        current.add(text.toString());
      }
      return null;
    }

    @Override
    public Void code(Block.Code code) {
      current.add(codeBlock(code.text()));
      return null;
    }

    @Override
    public Void facts(Block.Facts facts) {
      for (Fact fact : facts.facts()) {
        current.fact(fact.name(), fact.value());
      }
      return null;
    }

    @Override
    public Void note(Block.Note note) {
      current.note(note.severity(), icon(note.severity()) + " " + markdown(note.spans()));
      return null;
    }

    @Override
    public Void provenance(Block.Provenance provenance) {
      current.add(subtext(provenance.spans()));
      return null;
    }

    @Override
    public Void source(Block.Source source) {
      current.add(subtext(source.spans()));
      return null;
    }

    @Override
    public Void divider(Block.Divider divider) {
      if (!current.isEmpty()) {
        drafts.add(current);
        current = new Draft();
      }
      return null;
    }
  }

  static String markdown(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span span : spans) {
      if (span instanceof Span.Plain plain) {
        out.append(MarkdownSanitizer.escape(plain.text()));
      } else if (span instanceof Span.Strong strong) {
        out.append("**").append(MarkdownSanitizer.escape(strong.text())).append("**");
      } else if (span instanceof Span.InlineCode code) {
        String fence = code.text().contains("`") ? "``" : "`";
        out.append(fence).append(code.text()).append(fence);
      } else if (span instanceof Span.Link link) {
        out.append('[')
            .append(MarkdownSanitizer.escape(link.label()).replace("]", "\\]"))
            .append("](")
            .append(link.target().toString().replace(")", "%29"))
            .append(')');
      } else {
        throw new IllegalArgumentException("unknown span: " + span.getClass().getName());
      }
    }
    return out.toString();
  }

  /**
   * Small, subdued lines (Discord's {@code -#} subtext) for what explains an answer rather than
   * tells what to do: what matched and the source.
   */
  static String subtext(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (String line : markdown(spans).split("\n")) {
      if (!line.isBlank()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(SUBTEXT).append(line.strip());
      }
    }
    return out.toString();
  }

  private static String codeBlock(String code) {
    // A fence inside the code would end the block early.
    return "```" + CODE_LANGUAGE + "\n" + code.replace("```", "`\u200b``") + "\n```";
  }

  private static String icon(Severity severity) {
    switch (severity) {
      case ERROR:
        return "\u26d4";
      case WARNING:
        return "\u26a0\ufe0f";
      case SUCCESS:
        return "\u2705";
      case INFO:
      default:
        return "\u2139\ufe0f";
    }
  }

  static int colour(Severity severity) {
    switch (severity) {
      case ERROR:
        return COLOUR_ERROR;
      case WARNING:
        return COLOUR_WARNING;
      case SUCCESS:
        return COLOUR_SUCCESS;
      case INFO:
      default:
        return COLOUR_INFO;
    }
  }

  /** Where the answer comes from, by the host of its first link (footers cannot hold links). */
  private static String footer(List<Action> actions) {
    for (Action action : actions) {
      if (action instanceof Action.OpenLink link && link.url().getHost() != null) {
        return FOOTER_PREFIX + " \u00b7 source: " + link.url().getHost();
      }
    }
    return FOOTER_PREFIX;
  }

  // ---- drafts -> embeds, within Discord's limits

  private static List<MessageEmbed> embeds(List<Draft> drafts, String footerText) {
    String footer = Truncation.fit(footerText, Math.min(DiscordLimits.FOOTER, 200));
    Budget budget = new Budget(DiscordLimits.EMBED_TOTAL - footer.length());
    List<MessageEmbed> embeds = new ArrayList<>();
    int count = Math.min(drafts.size(), DiscordLimits.EMBEDS);
    for (int i = 0; i < count && !budget.exhausted(); i++) {
      Draft draft = drafts.get(i);
      EmbedBuilder embed = new EmbedBuilder();
      embed.setColor(colour(draft.severity.orElse(Severity.INFO)));
      boolean any = false;
      if (!draft.title.isEmpty()) {
        embed.setTitle(budget.take(draft.title, DiscordLimits.TITLE));
        any = true;
      }
      if (draft.description.length() > 0 && !budget.exhausted()) {
        embed.setDescription(budget.take(draft.description.toString(), DiscordLimits.DESCRIPTION));
        any = true;
      }
      int fields = Math.min(draft.fields.size(), DiscordLimits.FIELDS);
      for (int f = 0; f < fields && budget.left() > 1; f++) {
        FieldDraft field = draft.fields.get(f);
        String name = budget.take(nonBlank(field.name), DiscordLimits.FIELD_NAME);
        if (budget.left() < 1) {
          break;
        }
        String value = budget.take(nonBlank(field.value.toString()), DiscordLimits.FIELD_VALUE);
        embed.addField(name, value, field.inline);
        any = true;
      }
      boolean last = i == count - 1 || budget.exhausted();
      if (last) {
        embed.setFooter(footer);
        any = true;
      }
      if (any) {
        embeds.add(embed.build());
      }
    }
    return embeds;
  }

  private static String nonBlank(String text) {
    return text.isBlank() ? BLANK : text;
  }

  /** Characters left of the message-wide embed limit. */
  private static final class Budget {
    private int left;
    private boolean exhausted;

    Budget(int left) {
      this.left = left;
    }

    String take(String text, int limit) {
      int max = Math.min(limit, left);
      if (text.length() > left) {
        exhausted = true;
      }
      String fitted = Truncation.fit(text, max);
      left -= fitted.length();
      if (left <= 0) {
        exhausted = true;
      }
      return fitted;
    }

    int left() {
      return left;
    }

    boolean exhausted() {
      return exhausted;
    }
  }

  private static final class FieldDraft {
    final String name;
    final StringBuilder value = new StringBuilder();
    final boolean inline;

    FieldDraft(String name, boolean inline) {
      this.name = name;
      this.inline = inline;
    }
  }

  /** One embed being assembled: chunks flow into the description, then into fields. */
  private static final class Draft {
    String title = "";
    final StringBuilder description = new StringBuilder();
    final List<FieldDraft> fields = new ArrayList<>();
    Optional<FieldDraft> open = Optional.empty();
    Optional<Severity> severity = Optional.empty();

    boolean isEmpty() {
      return title.isEmpty() && description.length() == 0 && fields.isEmpty();
    }

    void heading(String text) {
      if (isEmpty()) {
        title = text;
      } else {
        FieldDraft field = new FieldDraft(text, false);
        fields.add(field);
        open = Optional.of(field);
      }
    }

    void fact(String name, String value) {
      fields.add(new FieldDraft(name, true));
      fields.get(fields.size() - 1).value.append(value);
      open = Optional.empty();
    }

    void note(Severity noteSeverity, String text) {
      if (severity.isEmpty() || noteSeverity.compareTo(severity.get()) > 0) {
        severity = Optional.of(noteSeverity);
      }
      add(text);
    }

    /**
     * Adds one chunk; a chunk that no longer fits continues in a new field instead of being cut.
     */
    void add(String chunk) {
      if (open.isPresent()) {
        StringBuilder value = open.get().value;
        if (value.length() > 0 && value.length() + 1 + chunk.length() > DiscordLimits.FIELD_VALUE) {
          FieldDraft more = new FieldDraft(BLANK, false);
          fields.add(more);
          open = Optional.of(more);
          value = more.value;
        }
        if (value.length() > 0) {
          value.append('\n');
        }
        value.append(chunk);
        return;
      }
      if (description.length() > 0
          && description.length() + 2 + chunk.length() > DiscordLimits.DESCRIPTION) {
        FieldDraft more = new FieldDraft(BLANK, false);
        fields.add(more);
        open = Optional.of(more);
        more.value.append(chunk);
        return;
      }
      if (description.length() > 0) {
        description.append("\n\n");
      }
      description.append(chunk);
    }
  }

  // ---- actions -> buttons

  static final Emoji THUMBS_UP = Emoji.fromUnicode("\ud83d\udc4d");
  static final Emoji THUMBS_DOWN = Emoji.fromUnicode("\ud83d\udc4e");

  List<ActionRow> buttons(List<Action> actions, Visibility visibility, Wording wording) {
    List<Button> commands = new ArrayList<>();
    List<Button> feedback = new ArrayList<>();
    List<Button> links = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Integer> labels = new HashMap<>();
    for (Action action : actions) {
      if (action instanceof Action.OpenLink link) {
        labels.merge(link.label(), 1, Integer::sum);
      }
    }
    for (Action action : actions) {
      if (action instanceof Action.OpenLink link) {
        linkButton(distinct(link, labels)).filter(b -> seen.add(b.getUrl())).ifPresent(links::add);
      } else if (action instanceof Action.Feedback vote) {
        feedbackButton(vote).filter(b -> seen.add(b.getCustomId())).ifPresent(feedback::add);
      } else if (action instanceof Action.RunCheck check) {
        checkButton(check).filter(b -> seen.add(b.getCustomId())).ifPresent(commands::add);
      } else if (action instanceof Action.Share) {
        // Only an ephemeral reply has something to share; it always gets the button below.
        continue;
      } else {
        throw new IllegalArgumentException("unknown action: " + action.getClass().getName());
      }
    }
    if (visibility == Visibility.EPHEMERAL) {
      commands.add(
          Button.secondary(new ButtonId.Share().encode(), label(wording.shareInChannel())));
    }
    List<ActionRow> rows = new ArrayList<>();
    for (List<Button> group : List.of(commands, feedback, links)) {
      for (int i = 0; i < group.size(); i += DiscordLimits.BUTTONS_PER_ROW) {
        if (rows.size() == DiscordLimits.ROWS) {
          return rows;
        }
        rows.add(
            ActionRow.of(
                group.subList(i, Math.min(group.size(), i + DiscordLimits.BUTTONS_PER_ROW))));
      }
    }
    return rows;
  }

  /** Two findings each link "the article": name the section so the buttons can be told apart. */
  private static Action.OpenLink distinct(Action.OpenLink link, Map<String, Integer> labels) {
    String fragment = Optional.ofNullable(link.url().getFragment()).orElse("").replace('-', ' ');
    if (labels.getOrDefault(link.label(), 0) < 2 || fragment.isBlank()) {
      return link;
    }
    String section = fragment.strip();
    return new Action.OpenLink(
        link.label() + ": " + Character.toUpperCase(section.charAt(0)) + section.substring(1),
        link.url());
  }

  private static Optional<Button> linkButton(Action.OpenLink link) {
    String url = link.url().toString();
    String scheme = Optional.ofNullable(link.url().getScheme()).orElse("");
    if (url.length() > DiscordLimits.BUTTON_URL
        || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.empty();
    }
    return Optional.of(Button.link(url, label(link.label())));
  }

  private static Optional<Button> feedbackButton(Action.Feedback vote) {
    List<String> ids = new ArrayList<>(vote.entryIds());
    ids.removeIf(String::isBlank);
    // Keep as many ids as fit: a vote on the first findings beats no button at all.
    while (true) {
      String id = new ButtonId.Feedback(vote.helpful(), ids).encode();
      if (id.length() <= DiscordLimits.CUSTOM_ID) {
        return Optional.of(
            Button.secondary(id, label(vote.label()))
                .withEmoji(vote.helpful() ? THUMBS_UP : THUMBS_DOWN));
      }
      if (ids.isEmpty()) {
        return Optional.empty();
      }
      ids.remove(ids.size() - 1);
    }
  }

  private static Optional<Button> checkButton(Action.RunCheck check) {
    ButtonId.RunCheck id = new ButtonId.RunCheck(check.checkId(), check.argument());
    if (id.encode().length() > DiscordLimits.CUSTOM_ID) {
      // A cut argument would check the wrong name; without one the engine asks for it.
      id = new ButtonId.RunCheck(check.checkId(), "");
    }
    if (id.encode().length() > DiscordLimits.CUSTOM_ID) {
      return Optional.empty();
    }
    return Optional.of(Button.primary(id.encode(), label(check.label())));
  }

  private static String label(String text) {
    return Truncation.fit(text.isBlank() ? Truncation.ELLIPSIS : text, DiscordLimits.BUTTON_LABEL);
  }
}
