package dev.pastefix.discord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord turns a paste longer than a message into a {@code message.txt} attachment; long error
 * output often arrives that way. This reads such text files, within bounds, so they count as the
 * message's text.
 */
final class TextAttachments {
  private static final Logger log = LoggerFactory.getLogger(TextAttachments.class);

  /** Enough for any error output; more is cut, not refused. */
  static final int MAX_BYTES = 256 * 1024;

  static final int MAX_FILES = 3;
  static final long DOWNLOAD_SECONDS = 10;

  private TextAttachments() {}

  /** The attachments worth reading: small text files. */
  static List<Message.Attachment> readable(Message message) {
    return message.getAttachments().stream()
        .filter(a -> !a.isImage() && !a.isVideo())
        .filter(TextAttachments::isText)
        .limit(MAX_FILES)
        .toList();
  }

  private static boolean isText(Message.Attachment attachment) {
    String type = attachment.getContentType() == null ? "" : attachment.getContentType();
    String name = attachment.getFileName().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || name.endsWith(".txt") || name.endsWith(".log");
  }

  /**
   * The text of the files, one after the other; a file that cannot be read is skipped and logged.
   */
  static String read(List<Message.Attachment> attachments) throws InterruptedException {
    StringBuilder text = new StringBuilder();
    for (Message.Attachment attachment : attachments) {
      try (InputStream in =
          attachment.getProxy().download().get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
        byte[] bytes = in.readNBytes(MAX_BYTES);
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(new String(bytes, StandardCharsets.UTF_8));
      } catch (ExecutionException | TimeoutException | IOException e) {
        log.warn(
            "Discord: could not read the attached file {} ({})",
            attachment.getFileName(),
            e.toString());
      }
    }
    return text.toString();
  }
}
