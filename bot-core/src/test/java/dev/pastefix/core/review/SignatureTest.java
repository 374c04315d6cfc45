package dev.pastefix.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test
  void replacesEveryKindOfVariablePart() {
    Signature s =
        Signature.of(
            "Set-CsThing : Failed for CONTOSO\\bob on sip.contoso.com (10.1.2.3:5061) at"
                + " C:\\Temp\\x.log, id {0f8fad5b-d9cb-469f-a165-70867728950e}, 2026-11-03"
                + " 14:02:11, retry 3 of 5, see https://aka.ms/x?y=1, mail ann@contoso.com");

    assertEquals(
        "Set-CsThing : Failed for <user> on <host> (<address>) at <path> id <guid>, <date>,"
            + " retry <number> of <number>, see <url> mail <user>",
        s.text());
    assertTrue(s.errorText());
    assertTrue(s.variable());
  }

  @Test
  void readsTheNamesPeopleGiveThingsAsVariable() {
    Signature legal =
        Signature.of(
            "Set-CsVoicemailPolicy : policy 'Tag:Legal' could not be applied to user 'a@b.com'");
    Signature sales =
        Signature.of(
            "Set-CsVoicemailPolicy : policy 'Tag:Sales Team' could not be applied to user 'c@d.com'");

    assertEquals(legal.key(), sales.key());
    assertEquals(
        "Set-CsVoicemailPolicy : policy '<name>' could not be applied to user '<user>'",
        legal.text());
    assertTrue(
        SymptomDraft.matches(
            SymptomDraft.of(legal, "en"),
            "Set-CsVoicemailPolicy : policy 'Tag:Sales Team' could not be applied to user 'z'"));
  }

  @Test
  void readsAVersionAsOneValueAndNotAsADate() {
    Signature s = Signature.of("Could not load file 'X.dll, Version=4.0.0.0' on 03.11.2026");

    assertTrue(s.text().contains("Version=<address>'"), s.text());
    assertTrue(s.text().endsWith("on <date>"), s.text());
    assertEquals(
        "Could not load Version=<number>",
        Signature.of("Could not load Version=3.19.8.16603").text());
  }

  @Test
  void keepsHexadecimalErrorCodesAndCodesInsideWords() {
    Signature s = Signature.of("Connect failed: 0x80070005, AADSTS50076 on try 2");

    assertTrue(s.text().contains("0x80070005"), s.text());
    assertTrue(s.text().contains("AADSTS50076"), s.text());
    assertTrue(s.text().endsWith("on try <number>"), s.text());
  }

  @Test
  void takesTheErrorLinesAndLeavesTheChatterAroundThem() {
    Signature plain = Signature.of("Get-CsWidget : Cannot bind the widget.");
    Signature wrapped =
        Signature.of(
            "hi all, this again\n```\nGet-CsWidget : Cannot bind the widget.\n```\nany ideas?");

    assertEquals(plain.key(), wrapped.key());
  }

  @Test
  void readsAQuestionWithoutErrorWordsAsPlainWords() {
    Signature s = Signature.of("how do I export the call quality dashboard for May?");

    assertFalse(s.errorText());
    assertEquals("how do I export the call quality dashboard for May?", s.text());
  }

  @Test
  void cutsALongShapeAtAWordWithoutSplittingAPlaceholder() {
    String error = "Set-CsThing : failed " + "again and ".repeat(40) + "10.0.0.1 end";

    Signature s = Signature.of(error);

    assertTrue(s.text().length() <= Signature.MAX_CHARS, s.text());
    assertFalse(s.text().endsWith("<"), s.text());
  }
}
