package dev.pastefix.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets up Logback from the settings: text lines or one JSON object per line (logstash encoder), at
 * the configured level. Libraries that would log request bodies or gateway payloads at DEBUG stay
 * at INFO, so message text reaches the log only through pastefix's own redacted DEBUG lines.
 */
final class Logs {
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";

  /** Loggers held at INFO at most: their DEBUG output carries request bodies or chat payloads. */
  static final List<String> QUIET_LIBRARIES =
      List.of("com.slack.api", "net.dv8tion", "okhttp3", "org.eclipse.jetty", "org.glassfish");

  /**
   * Libraries that report every start or connection at INFO (migrations, the pool, the HTTP server,
   * the chat clients): held at WARN unless the level asked for is more verbose than INFO.
   */
  static final List<String> CHATTY_LIBRARIES =
      List.of(
          "org.flywaydb",
          "com.zaxxer.hikari",
          "org.eclipse.jetty",
          "net.dv8tion",
          "com.slack.api",
          "org.glassfish",
          "okhttp3",
          "org.h2");

  /** The console's log file, in the data directory. */
  static final String CONSOLE_LOG = "pastefix.log";

  /** The console's log file is rolled over at this size, keeping {@value #CONSOLE_LOG_FILES}. */
  static final String CONSOLE_LOG_SIZE = "10MB";

  static final int CONSOLE_LOG_FILES = 3;

  /** Bolt's parser, which would log an unrecognised request's raw body at WARN. */
  static final String BOLT_REQUEST_PARSER = "com.slack.api.bolt.util.SlackRequestParser";

  private Logs() {}

  /** Logs to standard error as {@code service} says. */
  static void configure(Settings.Service service) {
    configure(service.logFormat(), service.logLevel(), System.err);
  }

  static void configure(Settings.LogFormat format, String level, OutputStream target) {
    Optional<LoggerContext> found = context();
    if (found.isEmpty()) {
      return;
    }
    LoggerContext context = found.get();
    context.reset();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setOutputStream(unclosable(target));
    install(context, appender, format, level);
  }

  /**
   * The console's log: a file in the data directory ({@value #CONSOLE_LOG}, rolled over at {@value
   * #CONSOLE_LOG_SIZE}) at the configured level and format, so that nothing is written into the
   * chat; without a data directory (state in memory or in PostgreSQL), standard error at WARN.
   * Returns where the log goes, for the start-up line.
   */
  static String forConsole(Settings.Service service, Optional<Path> dataDir, OutputStream err) {
    if (dataDir.isEmpty()) {
      configure(service.logFormat(), atLeastWarn(service.logLevel()), err);
      return "standard error, warnings only (no data directory)";
    }
    Path file = dataDir.get().resolve(CONSOLE_LOG);
    ownerOnly(file);
    Optional<LoggerContext> found = context();
    if (found.isEmpty()) {
      return "the embedding application's logging";
    }
    LoggerContext context = found.get();
    context.reset();
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setFile(file.toString());
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(CONSOLE_LOG_FILES);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf(CONSOLE_LOG_SIZE));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    install(context, appender, service.logFormat(), service.logLevel());
    return file.toString();
  }

  /**
   * {@code target} for an appender: the next {@link #configure} stops this appender, and a stopped
   * appender closes its stream, which must not close the process's standard error.
   */
  private static OutputStream unclosable(OutputStream target) {
    return new FilterOutputStream(target) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /**
   * Creates the log file readable by its owner alone, as the data directory's other files (the
   * directory itself is owner-only too, so a rolled-over file is no more exposed).
   */
  private static void ownerOnly(Path file) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        if (Files.notExists(file)) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
      }
    } catch (IOException e) {
      // Logback reports a file it cannot open; the permissions are the directory's then.
    }
  }

  private static String atLeastWarn(String level) {
    return Level.toLevel(level, Level.INFO).isGreaterOrEqual(Level.WARN) ? level : "WARN";
  }

  private static Optional<LoggerContext> context() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    // Another SLF4J provider is on the class path (an embedding application's): leave it be.
    return factory instanceof LoggerContext
        ? Optional.of((LoggerContext) factory)
        : Optional.empty();
  }

  private static void install(
      LoggerContext context,
      OutputStreamAppender<ILoggingEvent> appender,
      Settings.LogFormat format,
      String level) {
    Encoder<ILoggingEvent> encoder;
    if (format == Settings.LogFormat.JSON) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(context);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(TEXT_PATTERN);
      text.start();
      encoder = text;
    }
    appender.setName("pastefix");
    RedactingEncoder cleaned = new RedactingEncoder(encoder, format != Settings.LogFormat.JSON);
    cleaned.setContext(context);
    cleaned.start();
    appender.setEncoder(cleaned);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level rootLevel = Level.toLevel(level, Level.INFO);
    root.setLevel(rootLevel);
    root.addAppender(appender);
    context.getLogger("opennlp").setLevel(Level.WARN);
    // Bolt logs a signed body it cannot classify at WARN, whole; pastefix logs that case itself
    // without the body (SlackEventsHandler).
    context.getLogger(BOLT_REQUEST_PARSER).setLevel(Level.ERROR);
    if (!rootLevel.isGreaterOrEqual(Level.INFO)) {
      QUIET_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.INFO));
    } else if (rootLevel.equals(Level.INFO)) {
      CHATTY_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }
  }
}
