package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.text.TextNormaliser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookAlikesTest {
  private final LookAlikes lookAlikes = LookAlikes.shipped();
  private final TextNormaliser normaliser = new TextNormaliser();

  private Optional<String> other(String text) {
    return lookAlikes.otherService(normaliser.normalise(text));
  }

  @Test
  void recognisesExchangeOnlineByHostAndCmdlet() {
    assertEquals(
        Optional.of("Exchange Online"),
        other("Connecting to remote server outlook.office365.com failed"));
    assertEquals(
        Optional.of("Exchange Online"),
        other("Connect-ExchangeOnline : Basic authentication is currently disabled"));
    assertEquals(
        Optional.of("Security & Compliance"),
        other(
            "New-PSSession : [ps.compliance.protection.outlook.com] Connecting to remote server"
                + " failed"));
  }

  @Test
  void letsOurHostsWinOverLookAlikeWords() {
    assertEquals(
        Optional.empty(),
        other(
            "New-CsOnlineSession ... [admin1a.online.lync.com] the maximum number of concurrent"
                + " shells; kubectl is unrelated"));
    assertTrue(lookAlikes.namesOurService(normaliser.normalise("Get-CsWebTicket : Logon failed")));
  }

  @Test
  void saysNothingAboutPlainText() {
    assertEquals(
        Optional.empty(),
        other("the maximum number of concurrent shells for this user has been exceeded"));
  }

  @Test
  void rejectsMalformedLines() {
    assertThrows(IllegalArgumentException.class, () -> new LookAlikes(List.of("only | two")));
    assertThrows(
        IllegalArgumentException.class, () -> new LookAlikes(List.of("x | colour | blue")));
  }
}
