package dev.pastefix.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotCommandTest {
  @Test
  void aCheckIdIsOneWordAndTheArgumentIsTrimmed() {
    assertEquals("contoso.com", new BotCommand.RunCheck("dns", "  contoso.com ").argument());
    assertThrows(IllegalArgumentException.class, () -> new BotCommand.RunCheck("", "x"));
    assertThrows(IllegalArgumentException.class, () -> new BotCommand.RunCheck("dns x", ""));
  }

  @Test
  void aRunCheckActionExposesItsCommand() {
    Action.RunCheck action =
        new Action.RunCheck(new BotCommand.RunCheck("dns", "contoso.com"), "Run check: dns");
    assertEquals("dns", action.checkId());
    assertEquals("contoso.com", action.argument());
  }

  @Test
  void provenanceAndSourceNeedText() {
    assertThrows(IllegalArgumentException.class, () -> new Block.Provenance(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Block.Source(List.of()));
  }

  @Test
  void aReplyIsEnglishUnlessSaidOtherwise() {
    assertEquals("en", new Reply("s", List.of(), List.of()).lang());
    assertThrows(
        IllegalArgumentException.class, () -> new Reply("s", List.of(), List.of(), "French"));
  }
}
