package dev.pastefix.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.Channel;
import dev.pastefix.core.feedback.InMemoryFeedbackStore;
import dev.pastefix.core.testing.RecordingStep;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: the fake Web API hands out a WebSocket URL on the same loopback server,
 * which sends an Events API envelope and expects its acknowledgement, then a reply via the Web API.
 */
class SlackSocketModeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void acknowledgesAnEnvelopeAndAnswersThePasteInItsThread() throws Exception {
    BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
    String event =
        SlackPayloads.channelMessage(
            "Ev200", "C0ADMINS", "1700000000.000200", Pastes.MAX_SHELLS_TENANT);
    try (FakeSlackApi slack = new FakeSlackApi()) {
      slack.acceptWebSocket(
          new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
              socket.send(
                  "{\"type\":\"hello\",\"num_connections\":1,"
                      + "\"debug_info\":{\"host\":\"applink-test\"},"
                      + "\"connection_info\":{\"app_id\":\"A0APP\"}}");
              socket.send(
                  "{\"envelope_id\":\"env-200\",\"type\":\"events_api\","
                      + "\"accepts_response_payload\":false,\"retry_attempt\":0,"
                      + "\"retry_reason\":\"\",\"payload\":"
                      + event
                      + "}");
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
              fromBot.add(text);
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
              socket.close(1000, null);
            }
          });
      RecordingStep bot = RecordingStep.passing();
      SlackOptions options =
          new SlackOptions(
              "xoxb-it-token", Optional.of("xapp-it-token"), Optional.empty(), slack.apiUrl(), 0);
      try (SlackBot slackBot = new SlackBot(options, bot.pipeline(), new InMemoryFeedbackStore())) {
        slackBot.start();

        String ack = fromBot.poll(15, TimeUnit.SECONDS);
        assertTrue(ack != null, "the envelope was acknowledged");
        JsonNode ackJson = JSON.readTree(ack);
        assertEquals("env-200", ackJson.path("envelope_id").asText());

        FakeSlackApi.Call post = slack.await("/api/chat.postMessage");
        assertEquals("C0ADMINS", post.form().get("channel"));
        assertEquals("1700000000.000200", post.form().get("thread_ts"));
        assertTrue(post.form().get("blocks").contains(Engines.title("max-shells-tenant")));
        assertEquals(Channel.CHANNEL, bot.handled().get(0).message().channel());
        assertEquals(List.of("max-shells-tenant"), bot.handled().get(0).outcome().findingIds());
        FakeSlackApi.Call open = slack.await("/api/apps.connections.open");
        assertTrue(open.path().endsWith("apps.connections.open"));
        assertTrue(slackBot.connected(), "the Socket Mode session counts as connected");
        slackBot.stopAccepting();
        assertFalse(slackBot.connected(), "not connected once it stopped taking events");
      }
    }
  }

  @Test
  void answersASlashCommandInItsEnvelopeAcknowledgement() throws Exception {
    BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
    try (FakeSlackApi slack = new FakeSlackApi()) {
      String command =
          JSON.writeValueAsString(
              SlackPayloads.command(
                  "diagnose " + Pastes.MAX_SHELLS_TENANT, slack.responseUrl("socket-cmd")));
      slack.acceptWebSocket(
          new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
              socket.send("{\"type\":\"hello\",\"num_connections\":1}");
              socket.send(
                  "{\"envelope_id\":\"env-201\",\"type\":\"slash_commands\","
                      + "\"accepts_response_payload\":true,\"payload\":"
                      + command
                      + "}");
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
              fromBot.add(text);
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
              socket.close(1000, null);
            }
          });
      SlackOptions options =
          new SlackOptions(
              "xoxb-it-token", Optional.of("xapp-it-token"), Optional.empty(), slack.apiUrl(), 0);
      try (SlackBot slackBot =
          new SlackBot(options, RecordingStep.passing().pipeline(), new InMemoryFeedbackStore())) {
        slackBot.start();

        String ack = fromBot.poll(15, TimeUnit.SECONDS);
        assertTrue(ack != null, "the envelope was acknowledged");
        JsonNode ackJson = JSON.readTree(ack);
        assertEquals("env-201", ackJson.path("envelope_id").asText());
        assertEquals("ephemeral", ackJson.path("payload").path("response_type").asText(), ack);
        assertTrue(
            ackJson
                .path("payload")
                .path("blocks")
                .toString()
                .contains(Engines.title("max-shells-tenant")));
      }
    }
  }
}
