package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.testing.RecordingStep;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackOptionsTest {
  private static final URI API = URI.create("https://slack.com/api");

  @Test
  void neverShowsTokensInToString() {
    SlackOptions socket =
        new SlackOptions(
            "xoxb-secret-1", Optional.of("xapp-secret-2"), Optional.empty(), API, 3000);
    SlackOptions http =
        new SlackOptions("xoxb-secret-1", Optional.empty(), Optional.of("shh-secret-3"), API, 3000);

    for (String text :
        new String[] {
          socket.toString(),
          http.toString(),
          new SlackBot(socket, RecordingStep.passing().pipeline(), new InMemoryFeedbackStore())
              .toString()
        }) {
      assertFalse(text.contains("secret"), text);
    }
    assertTrue(socket.toString().contains("mode=socket"));
    assertTrue(http.toString().contains("mode=http"));
  }

  @Test
  void needsExactlyOneMode() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SlackOptions("xoxb-1", Optional.empty(), Optional.empty(), API, 3000));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SlackOptions("xoxb-1", Optional.of("xapp-1"), Optional.of("s"), API, 3000));
  }

  @Test
  void addsTheTrailingSlashTheSdkExpects() {
    SlackOptions options = new SlackOptions("xoxb-1", Optional.empty(), Optional.of("s"), API, 0);

    assertEquals("https://slack.com/api/", options.methodsUrlPrefix());
  }
}
