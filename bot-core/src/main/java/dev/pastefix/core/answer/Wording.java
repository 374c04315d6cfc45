package dev.pastefix.core.answer;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.reply.Block;
import dev.pastefix.core.reply.Reply;
import dev.pastefix.core.reply.Severity;
import dev.pastefix.core.reply.Span;
import dev.pastefix.core.text.LanguageGuesser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fixed words adapters show around the engine's replies (button labels, the failure, busy and
 * "not allowed here" replies, vote and share receipts) in English, French and Korean, so that every
 * platform says the same thing in the reader's language.
 */
public final class Wording {
  private record Phrases(
      String helpful,
      String notHelpful,
      String shareInChannel,
      String runCheck,
      String failure,
      String busy,
      String notAllowedHere,
      String workingOnIt,
      String noLongerShareable,
      String markedHelpfulBy,
      String markedNotHelpfulBy,
      String thanks,
      String sharedBy,
      String commandUnavailable) {}

  private static final Phrases ENGLISH =
      new Phrases(
          "Helpful",
          "Not helpful",
          "Share in channel",
          "Run check",
          "Sorry, something went wrong while I looked into this. The details are in the bot's log.",
          "I'm busy right now; please try again in a moment.",
          "I can't answer here. Ask me in a direct message, or in a channel I was invited to.",
          "Looking into it…",
          "That answer is no longer available to share; please run the command again.",
          "Marked helpful by",
          "Marked not helpful by",
          "Thanks!",
          "Shared by",
          "That button's command is not available on this bot.");

  private static final Map<String, Phrases> OTHERS =
      Map.of(
          "fr",
          new Phrases(
              "Utile",
              "Pas utile",
              "Partager dans le canal",
              "Lancer la vérification",
              "Désolé, une erreur s'est produite pendant l'analyse. Les détails sont dans le"
                  + " journal du bot.",
              "Je suis occupé ; réessayez dans un instant.",
              "Je ne peux pas répondre ici. Écrivez-moi en message direct, ou dans un canal où"
                  + " j'ai été invité.",
              "Je regarde…",
              "Cette réponse ne peut plus être partagée ; relancez la commande.",
              "Marqué utile par",
              "Marqué pas utile par",
              "Merci !",
              "Partagé par",
              "La commande de ce bouton n'est pas disponible sur ce bot."),
          "ko",
          new Phrases(
              "도움이 됨",
              "도움이 안 됨",
              "채널에 공유",
              "검사 실행",
              "죄송합니다. 확인하는 중에 문제가 발생했습니다. 자세한 내용은 봇 로그에 있습니다.",
              "지금은 바쁩니다. 잠시 후 다시 시도해 주세요.",
              "여기서는 답할 수 없습니다. 다이렉트 메시지나 저를 초대한 채널에서 물어봐 주세요.",
              "확인하는 중…",
              "이 답변은 더 이상 공유할 수 없습니다. 명령을 다시 실행해 주세요.",
              "도움이 됨으로 표시:",
              "도움이 안 됨으로 표시:",
              "감사합니다!",
              "공유한 사람:",
              "이 버튼의 명령은 이 봇에서 사용할 수 없습니다."));

  private static final LanguageGuesser GUESSER = new LanguageGuesser();

  private final String lang;
  private final Phrases phrases;

  private Wording(String lang, Phrases phrases) {
    this.lang = lang;
    this.phrases = phrases;
  }

  /** The words for a language code; English when the language has none. */
  public static Wording of(String lang) {
    Objects.requireNonNull(lang, "lang");
    Phrases found = OTHERS.get(lang);
    return found == null ? new Wording("en", ENGLISH) : new Wording(lang, found);
  }

  /** The words for whatever language {@code text} is written in (for a reply to that text). */
  public static Wording forText(String text) {
    return of(GUESSER.guess(text));
  }

  /** Characters of a message read to guess its language; the guess needs few. */
  static final int LANGUAGE_SAMPLE_CHARS = 2_000;

  /**
   * The words for whoever sent {@code in}: the language their platform reports, else the one their
   * text is written in, else English (a click without a hint has no text to tell).
   */
  public static Wording of(Inbound in) {
    Optional<String> hinted = in.localeHint().map(Locale::getLanguage).filter(l -> !l.isEmpty());
    if (hinted.isPresent()) {
      return of(hinted.get());
    }
    String text = in.text();
    if (text.isBlank()) {
      return of("en");
    }
    try {
      return forText(text.substring(0, Math.min(text.length(), LANGUAGE_SAMPLE_CHARS)));
    } catch (RuntimeException | StackOverflowError e) {
      // The failure being answered may be the guesser's own.
      return of("en");
    }
  }

  /** The language these words are in. */
  public String lang() {
    return lang;
  }

  public String helpful() {
    return phrases.helpful;
  }

  public String notHelpful() {
    return phrases.notHelpful;
  }

  public String shareInChannel() {
    return phrases.shareInChannel;
  }

  /** The label of a "Run check" button: the check's id, then its argument when there is one. */
  public String runCheck(String checkId, String argument) {
    String base = phrases.runCheck + ": " + checkId;
    return argument.isBlank() ? base : base + " " + argument.strip();
  }

  /** The interim text of a command that takes longer than the platform waits. */
  public String workingOnIt() {
    return phrases.workingOnIt;
  }

  /** The receipt of a vote; {@code who} is already in the platform's mention syntax. */
  public String markedBy(boolean helpful, String who) {
    return (helpful ? phrases.markedHelpfulBy : phrases.markedNotHelpfulBy) + " " + who;
  }

  /** A vote receipt shown only to the voter. */
  public String thanks(boolean helpful, String who) {
    return phrases.thanks + " " + markedBy(helpful, who) + ".";
  }

  /** Who shared an answer; {@code who} is already in the platform's mention syntax. */
  public String sharedBy(String who) {
    return phrases.sharedBy + " " + who;
  }

  /** The reply when the engine failed on an addressed message. */
  public Reply failure() {
    return note(Severity.ERROR, phrases.failure);
  }

  /** The reply when there is no room to take the message now. */
  public Reply busy() {
    return note(Severity.WARNING, phrases.busy);
  }

  /** The reply where the bot may not answer (a channel it is not meant to serve). */
  public Reply notAllowedHere() {
    return note(Severity.WARNING, phrases.notAllowedHere);
  }

  /** The reply to a button whose command this bot does not offer. */
  public Reply commandUnavailable() {
    return note(Severity.WARNING, phrases.commandUnavailable);
  }

  /** The reply to a share click whose answer has been forgotten. */
  public Reply noLongerShareable() {
    return note(Severity.WARNING, phrases.noLongerShareable);
  }

  private Reply note(Severity severity, String text) {
    return new Reply(
        text, List.of(new Block.Note(severity, List.of(new Span.Plain(text)))), List.of(), lang);
  }
}
