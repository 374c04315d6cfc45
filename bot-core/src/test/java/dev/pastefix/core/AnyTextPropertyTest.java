package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pastefix.core.reply.PlainTextRenderer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Whatever text arrives, the engine gives an outcome and nothing escapes or fails inside it: random
 * Unicode (lone surrogates, ZWJ emoji, right-to-left text, NUL), an error line repeated up to 5 000
 * times, shapes that make backtracking regular expressions recurse, mixed languages, and messages
 * up to 1 MiB. Speed is measured by the benchmark, not here.
 */
class AnyTextPropertyTest {
  /** Messages per run; the issue asks for at least ten thousand. */
  static final int TRIES = 10_000;

  static final int MIB = 1024 * 1024;

  private static final List<String> ERROR_LINES =
      List.of(
          "The maximum number of concurrent shells for this tenant has been exceeded.",
          "Get-CsWebTicket : Failed to connect live id servers. Make sure proxy is enabled or"
              + " machine has network connection to live id servers.",
          "Import-Module : File C:\\Program Files\\Common Files\\Skype for Business Online\\Modules"
              + "\\SkypeOnlineConnector\\SkypeOnlineConnectorStartup.psm1 cannot be loaded because"
              + " running scripts is disabled on this system.",
          "    + FullyQualifiedErrorId : -2144108477,PSSessionOpenFailed",
          "Le nombre maximal de shells simultanés pour ce client a été dépassé.",
          "이 테넌트에 대한 최대 동시 셸 수가 초과되었습니다.",
          "At line:1 char:1",
          "not ");

  private static final List<String> HOSTILE_UNITS =
      List.of(
          "> ",
          ">",
          "a@",
          "a.",
          "[[",
          "]]",
          "((",
          "))",
          "<@",
          "<!",
          "<#",
          "<http://",
          "|",
          "```",
          "`",
          "At ",
          ":1 ",
          " char:",
          "+ ",
          "~",
          "**",
          "&amp;",
          ":x:",
          "'",
          "\"",
          "«",
          "\\",
          "PS C:\\>",
          "위치 ",
          "\u0000",
          "\u200D",
          "\uD83D",
          "\uDC69",
          "\u202E");

  private static final List<String> WORDS =
      List.of(
          "skype",
          "session",
          "tenant",
          "sign-in",
          "password",
          "how",
          "many",
          "why",
          "connexion",
          "impossible",
          "serveur",
          "client",
          "로그인",
          "세션",
          "테넌트",
          "안",
          "됩니다",
          "not",
          "no",
          "the",
          "error",
          "New-PSSession",
          "admin1a.online.lync.com",
          "user@contoso.com",
          "👩‍💻",
          "مرحبا",
          "שלום",
          "\u0000",
          "\uFFFD",
          "é",
          "Ω",
          "😀",
          "\uD800",
          "\uDFFF");

  private final TestingEngines.Shipped engine = TestingEngines.shipped();
  private final PlainTextRenderer renderer = new PlainTextRenderer();

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void everyMessageGetsAnOutcomeAndNothingFails(
      @ForAll("messages") String text, @ForAll("channels") Channel channel) {
    long before = engine.failures();
    Outcome outcome = engine.handle(TestingMessages.of(text, channel, "U1", "prop"));
    assertNotNull(outcome);
    if (outcome instanceof Outcome.Answer a) {
      assertNotNull(renderer.render(a.reply()));
    } else if (outcome instanceof Outcome.Clarify c) {
      assertNotNull(renderer.render(c.reply()));
    } else if (outcome instanceof Outcome.Unknown u) {
      assertNotNull(renderer.render(u.reply()));
    }
    assertEquals(before, engine.failures(), "the engine failed inside on this message");
  }

  @Provide
  Arbitrary<Channel> channels() {
    return Arbitraries.of(Channel.DIRECT, Channel.CHANNEL, Channel.MENTION, Channel.THREAD);
  }

  @Provide
  Arbitrary<String> messages() {
    return anyText();
  }

  /** The generated messages, also used by {@code AnyTextLatencyMeasurement}. */
  static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(33, randomUnicode()),
        net.jqwik.api.Tuple.of(20, repeatedErrorLines()),
        net.jqwik.api.Tuple.of(20, hostileShapes()),
        net.jqwik.api.Tuple.of(25, mixedLanguages()),
        net.jqwik.api.Tuple.of(2, huge()));
  }

  static Arbitrary<String> randomUnicode() {
    return Arbitraries.strings().all().ofMaxLength(3_000);
  }

  static Arbitrary<String> repeatedErrorLines() {
    return Combinators.combine(
            Arbitraries.of(ERROR_LINES),
            Arbitraries.integers().between(1, 5_000),
            Arbitraries.of("\n", " ", "\r\n", ""))
        .as((line, times, separator) -> (line + separator).repeat(times));
  }

  static Arbitrary<String> hostileShapes() {
    return Combinators.combine(
            Arbitraries.of(HOSTILE_UNITS).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(1, 40_000))
        .as((units, times) -> cap(String.join("", units).repeat(times)));
  }

  static Arbitrary<String> mixedLanguages() {
    return Arbitraries.of(WORDS).list().ofMaxSize(400).map(words -> String.join(" ", words));
  }

  /** Up to 1 MiB of varied words with an error somewhere, so nothing collapses into one copy. */
  static Arbitrary<String> huge() {
    return Combinators.combine(
            Arbitraries.integers().between(64 * 1024, MIB),
            Arbitraries.of(ERROR_LINES),
            Arbitraries.doubles().between(0, 1))
        .as(
            (size, error, where) -> {
              StringBuilder out = new StringBuilder(size + 200);
              int at = (int) (size * where);
              for (int i = 0; out.length() < size; i++) {
                if (out.length() >= at && at >= 0) {
                  out.append(error).append('\n');
                  at = -1;
                }
                out.append(WORDS.get(i % WORDS.size())).append(i % 97).append(' ');
              }
              return cap(out.toString());
            });
  }

  private static String cap(String s) {
    return s.length() <= MIB ? s : s.substring(0, MIB);
  }
}
