package dev.pastefix.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {
  @Test
  void findsHexPrefixedAndIntroducedCodes() {
    assertEquals(
        List.of("0x8004de90", "aadsts65001", "1603", "510536"),
        ErrorCodes.find(
            "Error code 0x8004de90, then AADSTS65001, then Error 1603 and\n"
                + "Ms-Diagnostics: 510536;reason=\"No matching route\""));
  }

  @Test
  void countsAndYearsInProseAreNoCodes() {
    assertEquals(
        List.of(),
        ErrorCodes.find(
            "the job ran 2024 times since 2019, keeps 32 results, and Office 2016 is installed"));
  }

  @Test
  void aNumberIntroducedOnAnotherLineIsNoCode() {
    assertEquals(List.of(), ErrorCodes.find("it shows an error\n4711 rows were copied"));
  }

  @Test
  void shortHexAndGuidsAreNoCodes() {
    assertEquals(
        List.of(), ErrorCodes.find("value 0x1f, id {1a2b3c4d-0000-1111-2222-333344445555}"));
  }
}
