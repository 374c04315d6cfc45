package dev.pastefix.core.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as readable plain text for a console: underlined heading, numbered steps
 * with their commands indented as code, {@code name: value} facts, notes prefixed by their
 * severity, and the actions listed at the end. Strong text stays plain unless the renderer writes
 * to a terminal that shows ANSI bold.
 */
public final class PlainTextRenderer implements Block.Visitor<String>, Action.Visitor<String> {
  /** Paragraphs and notes wrap at this width; words, links and code are never split. */
  public static final int DEFAULT_WIDTH = 100;

  /** How far commands and code are indented below their step or paragraph. */
  static final String CODE_INDENT = "    ";

  static final String DIVIDER = "-".repeat(40);

  static final String FEEDBACK_PROMPT = "Was this helpful? type 'helpful' / 'not helpful'";

  /** How strong text is set apart: not at all, or with ANSI bold on a terminal. */
  public enum Emphasis {
    /** Plain text: no markers around strong text (files, pipes, logs). */
    PLAIN,
    /** ANSI bold, for a terminal that shows colours. */
    ANSI_BOLD
  }

  static final String BOLD = "\u001B[1m";
  static final String RESET = "\u001B[0m";

  private final int width;
  private final Emphasis emphasis;

  public PlainTextRenderer() {
    this(DEFAULT_WIDTH);
  }

  public PlainTextRenderer(int width) {
    this(width, Emphasis.PLAIN);
  }

  public PlainTextRenderer(int width, Emphasis emphasis) {
    if (width < 20) {
      throw new IllegalArgumentException("width must be at least 20 columns: " + width);
    }
    this.width = width;
    this.emphasis = java.util.Objects.requireNonNull(emphasis, "emphasis");
  }

  /** The same renderer with another way of setting strong text apart. */
  public PlainTextRenderer withEmphasis(Emphasis other) {
    return new PlainTextRenderer(width, other);
  }

  /** The whole reply: blocks separated by blank lines, then the actions; ends with a newline. */
  public String render(Reply reply) {
    List<String> parts = new ArrayList<>();
    for (Block block : reply.blocks()) {
      String text = block.accept(this);
      if (!text.isBlank()) {
        parts.add(text);
      }
    }
    String actions = renderActions(reply.actions());
    if (!actions.isEmpty()) {
      parts.add(actions);
    }
    if (parts.isEmpty()) {
      parts.add(clean(reply.summary()));
    }
    return String.join("\n\n", parts) + "\n";
  }

  /** The actions alone, one per line; the two feedback buttons become one prompt. */
  String renderActions(List<Action> actions) {
    List<String> lines = new ArrayList<>();
    boolean feedbackShown = false;
    for (Action action : actions) {
      if (action instanceof Action.Feedback) {
        if (feedbackShown) {
          continue;
        }
        feedbackShown = true;
      }
      String line = action.accept(this);
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  @Override
  public String heading(Block.Heading heading) {
    String text = clean(heading.text()).replace('\n', ' ');
    return text + "\n" + "=".repeat(Math.max(3, displayWidth(text)));
  }

  @Override
  public String paragraph(Block.Paragraph paragraph) {
    return wrap(spans(paragraph.spans()), "", "");
  }

  @Override
  public String steps(Block.Steps steps) {
    List<String> items = new ArrayList<>();
    int number = 1;
    String pad = " ".repeat(String.valueOf(steps.items().size()).length());
    for (Block.Step step : steps.items()) {
      String label = String.valueOf(number);
      String first = pad.substring(label.length()) + label + ". ";
      String rest = " ".repeat(first.length());
      StringBuilder item = new StringBuilder(wrap(spans(step.spans()), first, rest));
      for (String command : step.commands()) {
        item.append('\n').append(indent(clean(command), rest + CODE_INDENT));
      }
      items.add(item.toString());
      number++;
    }
    return String.join("\n", items);
  }

  @Override
  public String code(Block.Code code) {
    return indent(clean(code.text()), CODE_INDENT);
  }

  @Override
  public String facts(Block.Facts facts) {
    List<String> lines = new ArrayList<>();
    for (Fact fact : facts.facts()) {
      lines.add(clean(fact.name()) + ": " + clean(fact.value()));
    }
    return String.join("\n", lines);
  }

  @Override
  public String note(Block.Note note) {
    String prefix = note.severity().name() + ": ";
    return wrap(spans(note.spans()), prefix, " ".repeat(prefix.length()));
  }

  @Override
  public String divider(Block.Divider divider) {
    return DIVIDER;
  }

  @Override
  public String provenance(Block.Provenance provenance) {
    return wrap(spans(provenance.spans()), "", "");
  }

  @Override
  public String source(Block.Source source) {
    return wrap(spans(source.spans()), "", "");
  }

  @Override
  public String openLink(Action.OpenLink action) {
    return "Link: " + link(action.label(), action.url().toString());
  }

  @Override
  public String feedback(Action.Feedback action) {
    return FEEDBACK_PROMPT;
  }

  @Override
  public String runCheck(Action.RunCheck action) {
    return clean(action.label());
  }

  @Override
  public String share(Action.Share action) {
    // Console output is already visible to whoever typed the message: nothing to share.
    return "";
  }

  private String spans(List<Span> spans) {
    StringBuilder text = new StringBuilder();
    for (Span span : spans) {
      text.append(span(span));
    }
    return text.toString();
  }

  private String span(Span span) {
    if (span instanceof Span.Plain plain) {
      return clean(plain.text());
    } else if (span instanceof Span.Strong strong) {
      return emphasis == Emphasis.ANSI_BOLD
          ? marked(clean(strong.text()), BOLD, RESET)
          : clean(strong.text());
    } else if (span instanceof Span.InlineCode code) {
      return marked(clean(code.text()), "`", "`");
    } else if (span instanceof Span.Link link) {
      return link(link.label(), link.target().toString());
    }
    throw new IllegalStateException("no plain-text rendering for span " + span.getClass());
  }

  /** Puts {@code marker} around the text but outside its leading and trailing spaces. */
  private static String marked(String text, String open, String close) {
    String core = text.strip();
    if (core.isEmpty()) {
      return text;
    }
    int start = text.indexOf(core);
    return text.substring(0, start) + open + core + close + text.substring(start + core.length());
  }

  private static String link(String label, String url) {
    String cleanLabel = clean(label).strip();
    String cleanUrl = clean(url);
    if (cleanLabel.isEmpty() || cleanLabel.equals(cleanUrl)) {
      return "<" + cleanUrl + ">";
    }
    return cleanLabel + " <" + cleanUrl + ">";
  }

  /** Wraps each line of {@code text} at spaces, never inside a word. */
  private String wrap(String text, String firstPrefix, String restPrefix) {
    StringBuilder out = new StringBuilder();
    String prefix = firstPrefix;
    for (String line : text.split("\n", -1)) {
      StringBuilder current = new StringBuilder(prefix);
      int used = prefix.length();
      boolean empty = true;
      for (String word : line.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        int wordWidth = displayWidth(word);
        if (!empty && used + 1 + wordWidth > width) {
          out.append(current).append('\n');
          current = new StringBuilder(restPrefix);
          used = restPrefix.length();
          empty = true;
        }
        if (!empty) {
          current.append(' ');
          used++;
        }
        current.append(word);
        used += wordWidth;
        empty = false;
      }
      out.append(stripTrailing(current)).append('\n');
      prefix = restPrefix;
    }
    return stripTrailing(out);
  }

  private static String indent(String text, String prefix) {
    StringBuilder out = new StringBuilder();
    for (String line : text.strip().split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.isBlank() ? "" : prefix + line.stripTrailing());
    }
    return out.toString();
  }

  private static String stripTrailing(CharSequence text) {
    return text.toString().stripTrailing();
  }

  /**
   * Drops control characters except newline and tab, so that text quoted from a paste (evidence,
   * arguments) can never move the cursor or recolour the user's terminal.
   */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        out.append('\n');
      } else if (c == '\t') {
        out.append("  ");
      } else if (c == '\n' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Columns a string takes in a terminal: East Asian wide characters take two, the renderer's own
   * ANSI sequences none.
   */
  static int displayWidth(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      if (text.charAt(i) == '\u001B') {
        int end = text.indexOf('m', i);
        i = end < 0 ? text.length() : end + 1;
        continue;
      }
      int cp = text.codePointAt(i);
      columns += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return columns;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
