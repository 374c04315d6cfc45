package dev.pastefix.app;

import java.io.PrintStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own lines on standard error: where the state is, that it is ready, what it listens on,
 * that it stopped, why it cannot start. As text they are plain {@code pastefix: …} lines; with
 * {@code PASTEFIX_LOG_FORMAT=json} they are log events of the logger {@value #LOGGER}, so that
 * every line the service writes is one JSON object.
 */
final class Announcer {
  static final String LOGGER = "pastefix";

  private static final String PREFIX = "pastefix: ";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final Settings.LogFormat format;
  private final PrintStream err;

  Announcer(Settings.LogFormat format, PrintStream err) {
    this.format = Objects.requireNonNull(format, "format");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** Plain lines on {@code err}: before the settings are read, or for the console. */
  static Announcer text(PrintStream err) {
    return new Announcer(Settings.LogFormat.TEXT, err);
  }

  /** A line about the bot's progress. */
  void info(String line) {
    if (format == Settings.LogFormat.JSON) {
      LOG.info(message(line));
    } else {
      err.println(line);
    }
  }

  /** A line about something that went wrong (a start that fails, answers that may be lost). */
  void problem(String line) {
    if (format == Settings.LogFormat.JSON) {
      LOG.error(message(line));
    } else {
      err.println(line);
    }
  }

  // The logger's name says who is talking; the JSON message needs no "pastefix: " of its own.
  private static String message(String line) {
    return line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line;
  }
}
