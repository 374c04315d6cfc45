package dev.pastefix.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pastefix.core.reply.BotCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardActionTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void readsBackWhatItWrote() {
    CardAction vote = new CardAction.Feedback(true, List.of("a", "b"));
    CardAction check = new CardAction.RunCheck("dns", "contoso.com");

    assertEquals(vote, CardAction.parse(vote.data()).orElseThrow());
    assertEquals(check, CardAction.parse(check.data()).orElseThrow());
  }

  @Test
  void readsTheDataOfAnActionExecuteInvoke() throws Exception {
    var value =
        json.readTree(
            "{\"action\":{\"type\":\"Action.Execute\",\"data\":"
                + new CardAction.Feedback(false, List.of("x")).data()
                + "}}");

    assertEquals(
        new CardAction.Feedback(false, List.of("x")), CardAction.parse(value).orElseThrow());
  }

  @Test
  void ignoresValuesThatAreNotOurs() throws Exception {
    assertTrue(CardAction.parse(json.readTree("{\"foo\":1}")).isEmpty());
    assertTrue(CardAction.parse(json.readTree("{\"pastefix\":\"feedback\"}")).isEmpty());
    assertTrue(
        CardAction.parse(json.readTree("{\"pastefix\":\"check\",\"check\":\"a b\"}")).isEmpty());
  }

  @Test
  void checkButtonCarriesTheCommandAsItIs() {
    assertEquals(
        new BotCommand.RunCheck("dns", "contoso.com"),
        new CardAction.RunCheck("dns", "contoso.com").command());
  }
}
