package dev.pastefix.core.check;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the clock state of the administrator's machine: {@code w32tm /query /status [/verbose]} in
 * English, French or Korean, {@code w32tm /stripchart} offsets, or a time with its UTC offset
 * ({@code Get-Date -Format o}) compared with now. Sign-in fails when the clock is more than five
 * minutes off.
 */
public final class ClockCheck implements GuidedCheck {
  public static final String ID = "clock";
  public static final String ENTRY = "clock-skew";
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);
  public static final String RESYNC = "w32tm /resync";
  public static final String CONFIGURE =
      "w32tm /config /syncfromflags:manual /manualpeerlist:time.windows.com /update";

  /**
   * A labelled line of {@code w32tm /query /status}, with its wording in each language (the Korean
   * labels are the ones Windows' ko-KR w32tm resources print; other wordings are found by their key
   * words or by their place around the reference id).
   */
  enum Field {
    LEAP("Leap Indicator", "Indicateur de saut", "Indicateur de seconde intercalaire", "윤초 조정"),
    STRATUM("Stratum", "Strate", "Couche", "계층"),
    REFERENCE("ReferenceId", "ID de référence", "Identificateur de référence", "참조 ID"),
    LAST_SYNC(
        "Last Successful Sync Time",
        "Heure de la dernière synchronisation réussie",
        "Dernière synchronisation réussie",
        "마지막으로 동기화한 시간"),
    SOURCE("Source", "원본"),
    POLL("Poll Interval", "Intervalle d'interrogation", "Intervalle d’interrogation"),
    PHASE_OFFSET("Phase Offset", "Décalage de phase", "단계 오프셋"),
    LAST_SYNC_ERROR("Last Sync Error", "Dernière erreur de synchronisation");

    final List<String> labels;

    Field(String... labels) {
      this.labels = List.of(labels);
    }
  }

  private static final Pattern LABELLED = Pattern.compile("^\\s*([^:：]{2,60}?)\\s*[:：]\\s?(.*)$");
  private static final Pattern REFERENCE_ID = Pattern.compile("0x[0-9A-Fa-f]{8}\\b");
  private static final Pattern LEADING_NUMBER = Pattern.compile("-?\\d{1,3}\\s*\\(");
  private static final Pattern SECONDS =
      Pattern.compile("([+-]?\\d+(?:[.,]\\d+)?)\\s*(?:s|sec|초)", Pattern.CASE_INSENSITIVE);
  // w32tm /stripchart: "05:12:03, d:+00.0312500s o:-361.1234567s  [ ... ]"
  private static final Pattern STRIPCHART =
      Pattern.compile("\\bo:\\s*([+-]?\\d+(?:[.,]\\d+)?)\\s*(?:s|초)", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRIPCHART_ERROR =
      Pattern.compile(
          "^\\s*\\d{1,2}:\\d{2}:\\d{2}\\s*,\\s*(?:error|erreur|오류)\\s*:?\\s*(0x[0-9A-Fa-f]{8})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "\\b(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2}))");
  private static final Pattern SERVICE_STOPPED =
      Pattern.compile("0x80070426", Pattern.CASE_INSENSITIVE);
  private static final List<String> UNSPECIFIED =
      List.of("unspecified", "non spécifié", "non specifie", "non spécifiée", "지정되지 않음", "지정 안 됨");
  private static final List<String> LOCAL_SOURCES =
      // Windows prints these source names untranslated in every language.
      List.of("local cmos clock", "free-running system clock", "cmos", "free-running");

  private final Clock clock;

  public ClockCheck(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Clock in sync with a time source";
  }

  @Override
  public String command() {
    return "w32tm /query /status /verbose; Get-Date -Format o";
  }

  @Override
  public List<String> relatedEntryIds() {
    return List.of(ENTRY);
  }

  /**
   * What a paste holds: the w32tm status fields, the stripchart offsets (seconds) and its error
   * lines, the first ISO time ({@code Get-Date -Format o}), and whether the service is stopped.
   */
  record Parsed(
      Map<Field, String> status,
      List<Double> offsets,
      int stripchartErrors,
      Optional<OffsetDateTime> pastedTime,
      boolean serviceStopped) {
    Parsed {
      status = Map.copyOf(status);
      offsets = List.copyOf(offsets);
    }
  }

  /** The table lines and the problems read from a paste, and whether a time was measured. */
  static final class Readings {
    final List<CheckLine> lines = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    boolean recognised;
    boolean measured;

    void line(CheckLine line, String problem) {
      lines.add(line);
      if (line.status() == CheckStatus.PROBLEM) {
        problems.add(problem);
      }
    }
  }

  @Override
  public CheckVerdict interpret(String output) {
    Parsed parsed = parse(output);
    Readings readings = readings(parsed);
    if (!readings.recognised) {
      return unrecognised(
          "I expected lines such as 'Source: time.windows.com' and 'Last Successful Sync Time:"
              + " ...', or a time such as 2026-11-22T05:12:03.0000000+01:00.");
    }
    return verdict(readings, parsed.serviceStopped());
  }

  /** Reads the status fields, stripchart lines and the pasted time, in any language w32tm uses. */
  static Parsed parse(String output) {
    PastedOutput paste = PastedOutput.of(output);
    Map<Field, String> status = new EnumMap<>(Field.class);
    List<String> pairs = new ArrayList<>();
    List<Double> offsets = new ArrayList<>();
    int stripchartErrors = 0;
    Optional<OffsetDateTime> pastedTime = Optional.empty();
    for (String line : paste.lines()) {
      if (STRIPCHART_ERROR.matcher(line).find()) {
        stripchartErrors++;
        continue;
      }
      Matcher offset = STRIPCHART.matcher(line);
      if (offset.find()) {
        parseSeconds(offset.group(1)).ifPresent(offsets::add);
        continue;
      }
      if (pastedTime.isEmpty()) {
        pastedTime = isoTime(line);
      }
      Matcher labelled = LABELLED.matcher(line);
      if (labelled.matches()) {
        String value = labelled.group(2).strip();
        pairs.add(value);
        field(labelled.group(1)).ifPresent(f -> status.putIfAbsent(f, value));
      }
    }
    byPlace(pairs, status);
    boolean stopped = SERVICE_STOPPED.matcher(paste.text()).find();
    return new Parsed(status, offsets, stripchartErrors, pastedTime, stopped);
  }

  private static Optional<OffsetDateTime> isoTime(String line) {
    Matcher time = ISO_TIME.matcher(line);
    if (!time.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(time.group(1).replace("Z", "+00:00")));
    } catch (DateTimeParseException e) {
      // Not a real date: the line is not the pasted time.
      return Optional.empty();
    }
  }

  /** The table lines and problems of a parsed paste, compared with this check's clock. */
  Readings readings(Parsed parsed) {
    Readings readings = new Readings();
    if (parsed.serviceStopped()) {
      readings.recognised = true;
      readings.line(
          CheckLine.problem("Windows Time service", "not started (0x80070426)"),
          "the Windows Time service is not running");
    }
    if (parsed.status().size() >= 2) {
      readings.recognised = true;
      statusReadings(parsed.status(), readings);
    }
    if (!parsed.offsets().isEmpty() || parsed.stripchartErrors() > 0) {
      readings.recognised = true;
      stripchartReadings(parsed, readings);
    }
    parsed.pastedTime().ifPresent(time -> pastedTimeReading(time, readings));
    return readings;
  }

  private static void statusReadings(Map<Field, String> status, Readings readings) {
    String leap = status.getOrDefault(Field.LEAP, "");
    String source = status.getOrDefault(Field.SOURCE, "");
    String lastSync = status.getOrDefault(Field.LAST_SYNC, "");
    boolean notSynchronised =
        leap.startsWith("3") || status.getOrDefault(Field.STRATUM, "").startsWith("0");
    // 0x4C4F434C spells LOCL: the local clock, whatever the language.
    boolean localSource =
        containsAny(source, LOCAL_SOURCES)
            || status
                .getOrDefault(Field.REFERENCE, "")
                .toUpperCase(Locale.ROOT)
                .startsWith("0X4C4F434C");
    boolean neverSynced = containsAny(lastSync, UNSPECIFIED);
    String notSynchronising = "Windows Time is not synchronising with a time source";
    if (status.containsKey(Field.LEAP)) {
      readings.lines.add(
          new CheckLine(
              "Leap Indicator", leap, notSynchronised ? CheckStatus.PROBLEM : CheckStatus.OK));
    }
    if (status.containsKey(Field.SOURCE)) {
      readings.lines.add(
          new CheckLine("Source", source, localSource ? CheckStatus.PROBLEM : CheckStatus.OK));
    }
    if (status.containsKey(Field.LAST_SYNC)) {
      readings.lines.add(
          new CheckLine(
              "Last Successful Sync Time",
              lastSync,
              neverSynced ? CheckStatus.PROBLEM : CheckStatus.OK));
    }
    String syncError = status.getOrDefault(Field.LAST_SYNC_ERROR, "");
    boolean syncFailed = syncError.matches("\\s*[1-9]\\d*\\b.*");
    if (status.containsKey(Field.LAST_SYNC_ERROR)) {
      readings.lines.add(
          new CheckLine(
              "Last Sync Error", syncError, syncFailed ? CheckStatus.PROBLEM : CheckStatus.OK));
    }
    if (syncFailed) {
      readings.problems.add("the last synchronisation failed");
    }
    if (notSynchronised || localSource || neverSynced) {
      readings.problems.add(notSynchronising);
    }
    if (status.containsKey(Field.PHASE_OFFSET)) {
      Optional<Double> phase = firstSeconds(status.get(Field.PHASE_OFFSET));
      if (phase.isPresent()) {
        readings.measured = true;
        boolean off = Math.abs(phase.get()) > MAX_SKEW.toSeconds();
        readings.line(
            new CheckLine(
                "Phase Offset",
                status.get(Field.PHASE_OFFSET),
                off ? CheckStatus.PROBLEM : CheckStatus.OK),
            "the clock is " + describe(phase.get()) + " off its time source");
      }
    }
  }

  private static void stripchartReadings(Parsed parsed, Readings readings) {
    List<Double> offsets = parsed.offsets();
    if (!offsets.isEmpty()) {
      readings.measured = true;
      double worst =
          offsets.stream().max((a, b) -> Double.compare(Math.abs(a), Math.abs(b))).orElse(0.0);
      boolean off = Math.abs(worst) > MAX_SKEW.toSeconds();
      readings.line(
          new CheckLine(
              "Offset to the time source (stripchart)",
              String.format(Locale.ROOT, "%+.3fs over %d samples", worst, offsets.size()),
              off ? CheckStatus.PROBLEM : CheckStatus.OK),
          "the clock is " + describe(worst) + " off the time source");
    } else {
      readings.line(
          CheckLine.problem("Time source", "no answer (" + parsed.stripchartErrors() + " errors)"),
          "the time source does not answer");
    }
  }

  private void pastedTimeReading(OffsetDateTime time, Readings readings) {
    readings.recognised = true;
    readings.measured = true;
    Duration skew = Duration.between(clock.instant(), time.toInstant());
    double seconds = skew.toMillis() / 1000.0;
    boolean off = skew.abs().compareTo(MAX_SKEW) > 0;
    String how = describe(seconds) + (seconds >= 0 ? " ahead" : " behind");
    readings.line(
        new CheckLine(
            "Your clock compared with mine",
            time + " is " + how,
            off ? CheckStatus.PROBLEM : CheckStatus.OK),
        "the clock is " + how);
  }

  private CheckVerdict verdict(Readings readings, boolean serviceStopped) {
    CheckVerdict.Builder verdict = CheckVerdict.builder(ID).related(ENTRY);
    readings.lines.forEach(verdict::line);
    if (readings.problems.isEmpty()) {
      verdict
          .status(CheckStatus.OK)
          .headline(
              readings.measured
                  ? "The clock is within 5 minutes of the real time, so it does not cause sign-in"
                      + " errors."
                  : "Windows Time is synchronising with a time source.");
      if (!readings.measured) {
        verdict.note(
            "w32tm /query /status shows where the time comes from, not how far off it is: paste the"
                + " output of Get-Date -Format o too, and I will compare it with the real time.");
      }
      return verdict.build();
    }
    verdict
        .status(CheckStatus.PROBLEM)
        .headline(
            capitalise(String.join("; ", readings.problems))
                + ". Sign-in fails when the clock differs from the server's by more than 5"
                + " minutes.");
    if (serviceStopped) {
      verdict.fix(
          FixStep.of("Start the Windows Time service (as an administrator):", "net start w32time"));
    }
    verdict
        .fix(
            FixStep.of(
                "Synchronise with a reliable time source, then resync (as an administrator):",
                CONFIGURE,
                RESYNC))
        .fix(
            FixStep.of(
                "On a computer joined to a domain, take the time from the domain hierarchy"
                    + " instead, and make sure the domain controller synchronises with a reliable"
                    + " external time source:",
                "w32tm /config /syncfromflags:domhier /update",
                RESYNC))
        .note(
            "If you ran the command a while before pasting, run it again and paste straight away.");
    return verdict.build();
  }

  /**
   * w32tm prints its status lines in one fixed order in every language: leap indicator, stratum,
   * precision, root delay, root dispersion, reference id, last sync time, source, poll interval.
   * Wordings not known here are found by their place around the reference id, the one value with a
   * fixed shape.
   */
  private static void byPlace(List<String> values, Map<Field, String> status) {
    for (int i = 0; i < values.size(); i++) {
      if (!REFERENCE_ID.matcher(values.get(i)).lookingAt()) {
        continue;
      }
      status.putIfAbsent(Field.REFERENCE, values.get(i));
      if (i >= 5 && LEADING_NUMBER.matcher(values.get(i - 5)).lookingAt()) {
        status.putIfAbsent(Field.LEAP, values.get(i - 5));
      }
      if (i >= 4 && LEADING_NUMBER.matcher(values.get(i - 4)).lookingAt()) {
        status.putIfAbsent(Field.STRATUM, values.get(i - 4));
      }
      if (i + 2 < values.size()) {
        status.putIfAbsent(Field.LAST_SYNC, values.get(i + 1));
        status.putIfAbsent(Field.SOURCE, values.get(i + 2));
      }
      return;
    }
  }

  private static Optional<Field> field(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    for (Field field : Field.values()) {
      for (String known : field.labels) {
        if (known.toLowerCase(Locale.ROOT).equals(l)) {
          return Optional.of(field);
        }
      }
    }
    // Wording differs between Windows versions and languages: fall back to the key words.
    boolean error = has(l, "error", "erreur", "오류");
    boolean sync = has(l, "sync", "동기화");
    if (has(l, "leap", "saut", "intercalaire", "윤초")) {
      return Optional.of(Field.LEAP);
    }
    if (has(l, "phase", "오프셋")) {
      return Optional.of(Field.PHASE_OFFSET);
    }
    if (sync && error) {
      return Optional.of(Field.LAST_SYNC_ERROR);
    }
    if (sync && has(l, "last", "dernière", "derniere", "마지막") && !has(l, "since", "depuis", "이후")) {
      return Optional.of(Field.LAST_SYNC);
    }
    if (has(l, "poll", "interrogation", "폴링")) {
      return Optional.of(Field.POLL);
    }
    if (has(l, "stratum", "strate", "계층")) {
      return Optional.of(Field.STRATUM);
    }
    return Optional.empty();
  }

  private static boolean has(String label, String... words) {
    for (String word : words) {
      if (label.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String value, List<String> needles) {
    String v = value.toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(n -> v.contains(n.toLowerCase(Locale.ROOT)));
  }

  private static Optional<Double> firstSeconds(String value) {
    Matcher m = SECONDS.matcher(value);
    return m.find() ? parseSeconds(m.group(1)) : Optional.empty();
  }

  private static Optional<Double> parseSeconds(String text) {
    try {
      return Optional.of(Double.parseDouble(text.replace(',', '.')));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String describe(double seconds) {
    double s = Math.abs(seconds);
    if (s < 120) {
      return String.format(Locale.ROOT, "%.0f seconds", s);
    }
    if (s < 7200) {
      return String.format(Locale.ROOT, "%.0f minutes", s / 60);
    }
    return String.format(Locale.ROOT, "%.1f hours", s / 3600);
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
