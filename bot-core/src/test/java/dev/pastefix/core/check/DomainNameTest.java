package dev.pastefix.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainNameTest {
  @Test
  void normalisesCaseTrailingDotAndSlackLinks() throws Exception {
    assertEquals("contoso.com", DomainName.parse(" Contoso.COM. ").ascii());
    assertEquals("contoso.com", DomainName.parse("<http://contoso.com|contoso.com>").ascii());
    assertEquals("sub-1.contoso.co.uk", DomainName.parse("sub-1.contoso.co.uk").ascii());
    assertEquals("contoso.com.", DomainName.parse("contoso.com").absolute());
  }

  @Test
  void convertsInternationalNamesToPunycode() throws Exception {
    assertEquals("xn--bcher-kva.example", DomainName.parse("bücher.example").ascii());
  }

  @Test
  void refusesWhatIsNotADomainName() {
    for (String bad :
        new String[] {
          "",
          " ",
          "contoso",
          "contoso..com",
          "-contoso.com",
          "contoso-.com",
          "contoso.com/path",
          "user@contoso.com",
          "http://contoso.com",
          "contoso.123",
          "conto so.com",
          "contoso.com\nls",
          "a".repeat(64) + ".com",
          ("abc.").repeat(70) + "com",
          "x".repeat(1_000_000)
        }) {
      DomainName.InvalidDomain e =
          assertThrows(
              DomainName.InvalidDomain.class,
              () -> DomainName.parse(bad),
              bad.length() > 50 ? "long" : bad);
      assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
  }
}
