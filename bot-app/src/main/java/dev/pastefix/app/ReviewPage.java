package dev.pastefix.app;

import dev.pastefix.core.review.ReviewReport;
import dev.pastefix.core.review.ReviewReport.Day;
import dev.pastefix.core.review.ReviewReport.EntryReview;
import dev.pastefix.core.review.ReviewReport.NearMiss;
import dev.pastefix.core.review.ReviewReport.UnknownGroup;
import dev.pastefix.core.review.Reviewer;
import dev.pastefix.core.state.AnswerRecord.ScoredEntry;
import dev.pastefix.core.state.OutcomeKind;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The review as one self-contained page ({@code pastefix review --html FILE}): messages per day by
 * outcome as an inline SVG chart over every day of the period, the votes per entry, the unknown
 * groups and the near misses, entries named by id and title. Written with the JDK's XML writer, so
 * the page is well-formed XHTML; it loads nothing from the network.
 */
final class ReviewPage {
  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String SVG = "http://www.w3.org/2000/svg";

  /** Colours of the outcomes in the chart, in stacking order from the bottom. */
  static final Map<OutcomeKind, String> COLOURS =
      Map.of(
          OutcomeKind.ANSWER, "#2e7d32",
          OutcomeKind.CLARIFY, "#1565c0",
          OutcomeKind.UNKNOWN, "#ef6c00",
          OutcomeKind.SILENT, "#9e9e9e",
          OutcomeKind.INFO, "#7e57c2");

  static final List<OutcomeKind> ORDER =
      List.of(
          OutcomeKind.ANSWER,
          OutcomeKind.CLARIFY,
          OutcomeKind.UNKNOWN,
          OutcomeKind.SILENT,
          OutcomeKind.INFO);

  static final String HELPFUL_COLOUR = "#2e7d32";
  static final String NOT_HELPFUL_COLOUR = "#c62828";

  static final int BAR = 18;
  static final int GAP = 6;
  static final int PLOT_HEIGHT = 200;
  static final int LEFT = 44;
  static final int TOP = 12;
  static final int BOTTOM = 48;

  /** Groups shown in the table at most. */
  static final int GROUPS_SHOWN = 50;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#222;"
          + "max-width:1100px}"
          + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}"
          + "table{border-collapse:collapse;width:100%}"
          + "th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}"
          + "code{font-family:ui-monospace,Consolas,monospace;font-size:.9em;word-break:break-word}"
          + ".chart{display:flex;align-items:flex-start;gap:1.5em;flex-wrap:wrap}"
          + ".legend{list-style:none;padding:0;margin:12px 0 0 0}.legend li{margin:.3em 0}"
          + ".title{color:#555;font-size:.9em}"
          + ".swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;"
          + "vertical-align:-.1em}"
          + ".sample{color:#555;font-size:.85em;white-space:pre-wrap;word-break:break-word;"
          // Four whole lines: a height that is a multiple of the line height never cuts a line.
          + "line-height:1.35em;max-height:5.4em;overflow:hidden;border-left:2px solid #ddd;"
          + "padding-left:6px;"
          + "margin-top:4px}"
          + ".muted{color:#777}"
          // The vote bar on a line of its own, its words unbroken beneath it.
          + ".ratio{display:block;margin:4px 0 2px}.votes{white-space:nowrap;font-size:.9em}"
          + "td.when{white-space:nowrap}.closest{margin-bottom:.4em}";

  private final Function<String, String> titles;

  /** A page that names entries by id alone. */
  ReviewPage() {
    this(id -> "");
  }

  /** A page that shows each entry's title ({@code ""} when unknown) beside its id. */
  ReviewPage(Function<String, String> titles) {
    this.titles = Objects.requireNonNull(titles, "titles");
  }

  String render(ReviewReport report) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeDTD("<!DOCTYPE html>");
      x.writeStartElement("html");
      x.writeDefaultNamespace(XHTML);
      x.writeAttribute("lang", "en");
      x.writeStartElement("head");
      x.writeEmptyElement("meta");
      x.writeAttribute("charset", "utf-8");
      element(x, "title", "pastefix review");
      element(x, "style", STYLE);
      x.writeEndElement();
      x.writeStartElement("body");
      element(x, "h1", "pastefix review");
      element(
          x,
          "p",
          "From "
              + WHEN.format(report.from())
              + " to "
              + WHEN.format(report.to())
              + " (UTC): "
              + report.messages()
              + " messages, "
              + ORDER.stream()
                  .map(k -> report.outcomes().getOrDefault(k, 0) + " " + label(k))
                  .collect(Collectors.joining(", "))
              + ".");
      element(x, "h2", "Messages per day by outcome");
      x.writeStartElement("div");
      x.writeAttribute("class", "chart");
      chart(x, everyDay(report));
      legend(x);
      x.writeEndElement();
      entries(x, report.entries());
      groups(x, report);
      nearMisses(x, report.nearMisses());
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the page could not be written: " + e.getMessage(), e);
    }
    return out.toString();
  }

  static String label(OutcomeKind kind) {
    return ReviewWording.label(kind);
  }

  /** Every day of the period (UTC), those without messages included, so the chart shows a trend. */
  static List<Day> everyDay(ReviewReport report) {
    Map<LocalDate, Day> withData =
        report.days().stream().collect(Collectors.toMap(Day::day, Function.identity()));
    List<Day> days = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(report.to(), ZoneOffset.UTC);
    for (LocalDate day = LocalDate.ofInstant(report.from(), ZoneOffset.UTC);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      days.add(withData.getOrDefault(day, new Day(day, Map.of())));
    }
    // Rows logged outside the period's days (a clock step) are still shown, never dropped.
    for (Day day : report.days()) {
      if (!days.contains(day)) {
        days.add(day);
      }
    }
    days.sort(java.util.Comparator.comparing(Day::day));
    return days;
  }

  private static void chart(XMLStreamWriter x, List<Day> days) throws XMLStreamException {
    int max = Math.max(1, days.stream().mapToInt(Day::total).max().orElse(1));
    int width = LEFT + days.size() * (BAR + GAP) + GAP;
    int height = TOP + PLOT_HEIGHT + BOTTOM;
    x.writeStartElement("svg");
    x.writeDefaultNamespace(SVG);
    x.writeAttribute("id", "per-day");
    x.writeAttribute("width", Integer.toString(width));
    x.writeAttribute("height", Integer.toString(height));
    x.writeAttribute("viewBox", "0 0 " + width + " " + height);
    x.writeAttribute("role", "img");
    element(x, "title", "Messages per day by outcome");
    // Grid lines and their labels at 0, half and the maximum.
    for (int value : new int[] {0, (max + 1) / 2, max}) {
      double y = TOP + PLOT_HEIGHT - (double) value / max * PLOT_HEIGHT;
      x.writeEmptyElement("line");
      x.writeAttribute("x1", Integer.toString(LEFT - 4));
      x.writeAttribute("x2", Integer.toString(width));
      x.writeAttribute("y1", fmt(y));
      x.writeAttribute("y2", fmt(y));
      x.writeAttribute("stroke", "#ddd");
      text(x, LEFT - 8, y + 4, "end", Integer.toString(value));
    }
    int labelEvery = Math.max(1, (days.size() + 14) / 15);
    for (int i = 0; i < days.size(); i++) {
      Day day = days.get(i);
      int left = LEFT + GAP + i * (BAR + GAP);
      double base = TOP + PLOT_HEIGHT;
      x.writeStartElement("g");
      x.writeAttribute("class", "day");
      x.writeAttribute("data-day", day.day().toString());
      x.writeAttribute("data-total", Integer.toString(day.total()));
      element(
          x,
          "title",
          day.day()
              + ": "
              + ORDER.stream()
                  .map(k -> day.count(k) + " " + label(k))
                  .collect(Collectors.joining(", ")));
      for (OutcomeKind kind : ORDER) {
        int count = day.count(kind);
        if (count == 0) {
          continue;
        }
        double h = (double) count / max * PLOT_HEIGHT;
        base -= h;
        x.writeEmptyElement("rect");
        x.writeAttribute("x", Integer.toString(left));
        x.writeAttribute("y", fmt(base));
        x.writeAttribute("width", Integer.toString(BAR));
        x.writeAttribute("height", fmt(h));
        x.writeAttribute("fill", COLOURS.get(kind));
        x.writeAttribute("data-outcome", kind.label());
        x.writeAttribute("data-count", Integer.toString(count));
      }
      x.writeEndElement();
      if (i % labelEvery == 0) {
        double lx = left + BAR / 2.0;
        double ly = TOP + PLOT_HEIGHT + 10;
        x.writeStartElement("text");
        x.writeAttribute("x", fmt(lx));
        x.writeAttribute("y", fmt(ly));
        x.writeAttribute("font-size", "10");
        x.writeAttribute("text-anchor", "end");
        x.writeAttribute("transform", "rotate(-45 " + fmt(lx) + " " + fmt(ly) + ")");
        x.writeCharacters(day.day().toString().substring(5));
        x.writeEndElement();
      }
    }
    x.writeEndElement();
  }

  private static void legend(XMLStreamWriter x) throws XMLStreamException {
    x.writeStartElement("ul");
    x.writeAttribute("class", "legend");
    x.writeAttribute("id", "legend");
    // Listed top to bottom as the bars stack, so the legend reads like the bar beside it.
    for (OutcomeKind kind : reversed(ORDER)) {
      x.writeStartElement("li");
      x.writeStartElement("span");
      x.writeAttribute("class", "swatch");
      x.writeAttribute("style", "background:" + COLOURS.get(kind));
      x.writeCharacters("");
      x.writeEndElement();
      x.writeCharacters(label(kind));
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private void entry(XMLStreamWriter x, String id) throws XMLStreamException {
    element(x, "code", id);
    String title = titles.apply(id);
    if (!title.isBlank()) {
      x.writeCharacters(" ");
      element(x, "span", "title", title);
    }
  }

  private void entries(XMLStreamWriter x, List<EntryReview> entries) throws XMLStreamException {
    element(x, "h2", "Answers and votes per entry");
    if (entries.isEmpty()) {
      element(x, "p", "No answers in this period.");
      return;
    }
    x.writeStartElement("table");
    x.writeAttribute("id", "entries");
    header(x, "Entry", "Answers", "Helpful", "Not helpful", "Votes", "Not helpful samples");
    for (EntryReview e : entries) {
      x.writeStartElement("tr");
      x.writeStartElement("td");
      entry(x, e.id());
      x.writeEndElement();
      number(x, e.answers());
      number(x, e.helpful());
      number(x, e.notHelpful());
      x.writeStartElement("td");
      if (e.helpfulRatio().isPresent()) {
        // Green for the helpful share, red for the rest, and the words beside it: a bar that is
        // all red reads "none helpful", never "0%" beside a full bar.
        double ratio = e.helpfulRatio().getAsDouble();
        x.writeStartElement("svg");
        x.writeDefaultNamespace(SVG);
        x.writeAttribute("width", "100");
        x.writeAttribute("height", "10");
        x.writeAttribute("class", "ratio");
        x.writeAttribute("data-helpful", Integer.toString(e.helpful()));
        x.writeAttribute("data-not-helpful", Integer.toString(e.notHelpful()));
        element(x, "title", ReviewWording.votes(e));
        x.writeEmptyElement("rect");
        x.writeAttribute("width", fmt(ratio * 100));
        x.writeAttribute("height", "10");
        x.writeAttribute("fill", HELPFUL_COLOUR);
        x.writeAttribute("data-vote", "helpful");
        x.writeEmptyElement("rect");
        x.writeAttribute("x", fmt(ratio * 100));
        x.writeAttribute("width", fmt(100 - ratio * 100));
        x.writeAttribute("height", "10");
        x.writeAttribute("fill", NOT_HELPFUL_COLOUR);
        x.writeAttribute("data-vote", "not-helpful");
        x.writeEndElement();
        x.writeCharacters(" ");
        element(x, "span", "votes", ReviewWording.votes(e));
      } else {
        x.writeStartElement("span");
        x.writeAttribute("class", "muted");
        x.writeCharacters("no votes");
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("td");
      for (String sample : e.samples()) {
        element(x, "div", "sample", sample);
      }
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void groups(XMLStreamWriter x, ReviewReport report) throws XMLStreamException {
    List<UnknownGroup> groups = report.unknownGroups();
    ReviewReport.Unanswered unanswered = report.unanswered();
    element(x, "h2", "Messages I could not answer, grouped");
    x.writeStartElement("p");
    x.writeAttribute("id", "unanswered");
    x.writeCharacters(
        unanswered.grouped()
            + (unanswered.grouped() == 1 ? " message" : " messages")
            + " in "
            + groups.size()
            + (groups.size() == 1 ? " group" : " groups")
            + ": "
            + unanswered.groupedUnknown()
            + " "
            + label(OutcomeKind.UNKNOWN)
            + ", "
            + unanswered.groupedSilent()
            + " "
            + label(OutcomeKind.SILENT)
            + " in a channel.");
    if (unanswered.ungroupedUnknown() > 0) {
      x.writeCharacters(
          " "
              + unanswered.ungroupedUnknown()
              + " more "
              + label(OutcomeKind.UNKNOWN)
              + " but held no text to group by (a command other than diagnose).");
    }
    x.writeEndElement();
    if (groups.isEmpty()) {
      return;
    }
    x.writeStartElement("table");
    x.writeAttribute("id", "unknown-groups");
    header(x, "Count", "People", "First seen", "Last seen", "Signature", "Closest entries");
    for (UnknownGroup g : groups.subList(0, Math.min(GROUPS_SHOWN, groups.size()))) {
      x.writeStartElement("tr");
      number(x, g.count());
      number(x, g.senders());
      element(x, "td", "when", when(g.firstSeen()));
      element(x, "td", "when", when(g.lastSeen()));
      x.writeStartElement("td");
      element(x, "code", g.signature().text());
      for (String sample : g.samples()) {
        element(x, "div", "sample", sample);
      }
      x.writeEndElement();
      x.writeStartElement("td");
      for (ScoredEntry c : g.closest()) {
        // The score beside the id it belongs to, the title after both: a score at the end of a
        // long title read as the next entry's.
        x.writeStartElement("div");
        x.writeAttribute("class", "closest");
        element(x, "code", c.entryId());
        x.writeCharacters(" ");
        element(x, "b", ReviewWording.decimal(c.score(), 2));
        String title = titles.apply(c.entryId());
        if (!title.isBlank()) {
          x.writeCharacters(" ");
          element(x, "span", "title", title);
        }
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void nearMisses(XMLStreamWriter x, List<NearMiss> misses) throws XMLStreamException {
    element(x, "h2", "Near misses");
    element(
        x,
        "p",
        "muted",
        "Channel messages where the bot stayed silent though its best entry scored within "
            + Reviewer.NEAR_MISS_MARGIN
            + " of what a channel needs (or over it, held back by another channel rule): one more"
            + " symptom or example would have made it speak.");
    if (misses.isEmpty()) {
      element(x, "p", "None in this period.");
      return;
    }
    x.writeStartElement("table");
    x.writeAttribute("id", "near-misses");
    header(x, "When", "Best entry", "Score", "Message");
    for (NearMiss m : misses) {
      x.writeStartElement("tr");
      element(x, "td", "when", when(m.at()));
      x.writeStartElement("td");
      entry(x, m.entryId());
      x.writeEndElement();
      element(x, "td", ReviewWording.nearMiss(m));
      x.writeStartElement("td");
      element(x, "div", "sample", m.sample());
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static String when(Instant at) {
    return WHEN.format(at);
  }

  private static void header(XMLStreamWriter x, String... names) throws XMLStreamException {
    x.writeStartElement("tr");
    for (String name : names) {
      element(x, "th", name);
    }
    x.writeEndElement();
  }

  private static void number(XMLStreamWriter x, int value) throws XMLStreamException {
    element(x, "td", "n", Integer.toString(value));
  }

  private static void text(XMLStreamWriter x, double px, double py, String anchor, String value)
      throws XMLStreamException {
    x.writeStartElement("text");
    x.writeAttribute("x", fmt(px));
    x.writeAttribute("y", fmt(py));
    x.writeAttribute("font-size", "10");
    x.writeAttribute("text-anchor", anchor);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(xmlText(text));
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String cssClass, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeAttribute("class", cssClass);
    x.writeCharacters(xmlText(text));
    x.writeEndElement();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Text as XML 1.0 allows it: characters it forbids (most controls) become U+FFFD. */
  static String xmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(allowed && !Character.isSurrogate(c) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }
}
