package dev.pastefix.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.util.List;
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

  /** Bolt's parser, which would log an unrecognised request's raw body at WARN. */
  static final String BOLT_REQUEST_PARSER = "com.slack.api.bolt.util.SlackRequestParser";

  private Logs() {}

  /** Logs to standard error as {@code service} says. */
  static void configure(Settings.Service service) {
    configure(service.logFormat(), service.logLevel(), System.err);
  }

  static void configure(Settings.LogFormat format, String level, OutputStream target) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      // Another SLF4J provider is on the class path (an embedding application's): leave it be.
      return;
    }
    LoggerContext context = (LoggerContext) factory;
    context.reset();
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
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("pastefix");
    RedactingEncoder cleaned = new RedactingEncoder(encoder, format != Settings.LogFormat.JSON);
    cleaned.setContext(context);
    cleaned.start();
    appender.setEncoder(cleaned);
    appender.setOutputStream(target);
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
    }
  }
}
