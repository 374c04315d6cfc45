package dev.pastefix.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.reply.BotCommand;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonIdTest {
  @Test
  void feedbackRoundTrips() {
    ButtonId id =
        new ButtonId.Feedback(false, List.of("server-unavailable-dns", "server-unavailable-adfs"));
    assertEquals(Optional.of(id), ButtonId.parse(id.encode()));
  }

  @Test
  void checkArgumentMayHoldColons() {
    ButtonId id = new ButtonId.RunCheck("dns-cname", "sip:admin@contoso.com");
    assertEquals(Optional.of(id), ButtonId.parse(id.encode()));
    assertEquals(
        new BotCommand.RunCheck("dns-cname", "sip:admin@contoso.com"),
        ((ButtonId.RunCheck) id).command());
  }

  @Test
  void checkWithoutArgumentCarriesAnEmptyArgument() {
    assertEquals(
        new BotCommand.RunCheck("clock", ""), new ButtonId.RunCheck("clock", "").command());
  }

  @Test
  void shareRoundTrips() {
    assertEquals(Optional.of(new ButtonId.Share()), ButtonId.parse("pf:share"));
  }

  @Test
  void foreignIdsAreNotOurs() {
    assertTrue(ButtonId.parse("someone-else").isEmpty());
    assertTrue(ButtonId.parse("pf:unknown").isEmpty());
    assertTrue(ButtonId.parse("pf:ck:").isEmpty());
  }
}
