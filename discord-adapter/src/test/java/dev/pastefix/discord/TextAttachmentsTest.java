package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import org.junit.jupiter.api.Test;

/** JDA's message and attachment types are mocked: they are the third-party edge. */
class TextAttachmentsTest {
  static Message.Attachment file(String name, String type, boolean image) {
    Message.Attachment a = mock(Message.Attachment.class);
    when(a.getFileName()).thenReturn(name);
    when(a.getContentType()).thenReturn(type);
    when(a.isImage()).thenReturn(image);
    return a;
  }

  static Message with(List<Message.Attachment> files) {
    Message message = mock(Message.class);
    when(message.getAttachments()).thenReturn(files);
    return message;
  }

  @Test
  void readsTextFilesAndLogsButNotImagesOrBinaries() {
    Message.Attachment paste = file("message.txt", "text/plain; charset=utf-8", false);
    Message.Attachment log = file("Connect.LOG", null, false);
    Message.Attachment screenshot = file("error.png", "image/png", true);
    Message.Attachment binary = file("dump.bin", "application/octet-stream", false);
    assertEquals(
        List.of(paste, log),
        TextAttachments.readable(with(List.of(paste, screenshot, binary, log))));
  }

  @Test
  void readsAtMostThreeFiles() {
    List<Message.Attachment> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      files.add(file("part" + i + ".txt", "text/plain", false));
    }
    assertEquals(TextAttachments.MAX_FILES, TextAttachments.readable(with(files)).size());
  }
}
