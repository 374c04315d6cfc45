package dev.pastefix.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.pastefix.core.state.Redaction;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The last step of every log line, text or JSON: the message goes through the one {@link Redaction}
 * (a library's DEBUG line or a pasted secret in an exception message would otherwise be written as
 * it is), and in text lines a control character from outside cannot start a line of its own: line
 * breaks continue the message indented, other control characters are escaped. An exception's
 * messages are cleaned the same way (its stack frames are the code's own). Without a delegate (as
 * {@code logback.xml} declares it) it writes {@link Logs#TEXT_PATTERN} lines.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
  private Encoder<ILoggingEvent> delegate;
  private boolean text = true;

  /** For {@code logback.xml}: text lines. */
  public RedactingEncoder() {}

  /** Around {@code delegate}; {@code text} says whether its output is lines of text. */
  RedactingEncoder(Encoder<ILoggingEvent> delegate, boolean text) {
    this.delegate = delegate;
    this.text = text;
  }

  @Override
  public void start() {
    if (delegate == null) {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setContext(getContext());
      pattern.setPattern(Logs.TEXT_PATTERN);
      pattern.start();
      delegate = pattern;
      text = true;
    }
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(
        new Cleaned(
            event,
            clean(event.getFormattedMessage(), text),
            CleanedThrowable.of(event.getThrowableProxy(), text)));
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }

  /** {@code message} redacted, and for text lines with its control characters made harmless. */
  static String clean(String message, boolean text) {
    if (message == null) {
      return null;
    }
    String redacted = Redaction.redact(message);
    if (!text) {
      return redacted;
    }
    StringBuilder out = null;
    for (int i = 0; i < redacted.length(); i++) {
      char c = redacted.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\t';
      if (control || c == '\u2028' || c == '\u2029') {
        if (out == null) {
          out = new StringBuilder(redacted.length() + 16).append(redacted, 0, i);
        }
        if (c == '\n') {
          out.append("\n    ");
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? redacted : out.toString();
  }

  /**
   * An exception's messages (its causes' and suppressed ones' too) cleaned like the log message:
   * they often quote what came from outside (a value a database refused, a bad request line), and a
   * line break in them would otherwise start a forged line under the real one.
   */
  private static final class CleanedThrowable implements IThrowableProxy {
    private final IThrowableProxy proxy;
    private final boolean text;

    private CleanedThrowable(IThrowableProxy proxy, boolean text) {
      this.proxy = proxy;
      this.text = text;
    }

    static IThrowableProxy of(IThrowableProxy proxy, boolean text) {
      return proxy == null ? null : new CleanedThrowable(proxy, text);
    }

    @Override
    public String getOverridingMessage() {
      return clean(proxy.getOverridingMessage(), text);
    }

    @Override
    public String getMessage() {
      return clean(proxy.getMessage(), text);
    }

    @Override
    public String getClassName() {
      return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return of(proxy.getCause(), text);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = proxy.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        out[i] = of(suppressed[i], text);
      }
      return out;
    }

    @Override
    public boolean isCyclic() {
      return proxy.isCyclic();
    }
  }

  /** The event with its message and exception replaced; everything else is the original's. */
  private static final class Cleaned implements ILoggingEvent {
    private final ILoggingEvent event;
    private final String message;
    private final IThrowableProxy throwable;

    Cleaned(ILoggingEvent event, String message, IThrowableProxy throwable) {
      this.event = event;
      this.message = message;
      this.throwable = throwable;
    }

    @Override
    public String getThreadName() {
      return event.getThreadName();
    }

    @Override
    public Level getLevel() {
      return event.getLevel();
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public Object[] getArgumentArray() {
      return null;
    }

    @Override
    public String getFormattedMessage() {
      return message;
    }

    @Override
    public String getLoggerName() {
      return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
      return event.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
      return throwable;
    }

    @Override
    public StackTraceElement[] getCallerData() {
      return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
      return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
      return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
      return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
      return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
      return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
      return event.getNanoseconds();
    }

    @Override
    public java.time.Instant getInstant() {
      return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
      return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
      return event.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
      event.prepareForDeferredProcessing();
    }
  }
}
