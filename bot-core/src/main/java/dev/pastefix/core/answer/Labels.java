package dev.pastefix.core.answer;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed words of an answer in English, French and Korean, so that a French or Korean answer
 * does not switch language between its labels and the entry's translated text.
 */
record Labels(
    String lang,
    String matched,
    String errorText,
    String yourWords,
    String similar,
    String sure,
    String cause,
    String source,
    String openArticle,
    String clarifyHeading,
    String recognised,
    String clarifyAsk,
    String more,
    String articleSection) {

  private static final Labels ENGLISH =
      new Labels(
          "en",
          "Matched: ",
          "the error text ",
          "your words ",
          "your message is similar to this entry's examples",
          "sure",
          "Cause: ",
          "Source: ",
          "Open the article",
          "This error has more than one cause: which one fits?",
          "Recognised error text: ",
          "Tell me which one matches your setup (what the causes above describe), and I'll give"
              + " the full steps.",
          "More",
          "Article section");

  private static final Map<String, Labels> OTHERS =
      Map.of(
          "fr",
          new Labels(
              "fr",
              "Reconnu : ",
              "le texte d'erreur ",
              "vos mots ",
              "votre message ressemble aux exemples de cette entrée",
              "de certitude",
              "Cause : ",
              "Source : ",
              "Ouvrir l'article",
              "Cette erreur a plusieurs causes possibles : laquelle correspond ?",
              "Texte d'erreur reconnu : ",
              "Dites-moi laquelle correspond à votre configuration (d'après les causes ci-dessus)"
                  + " et je donnerai toutes les étapes.",
              "En savoir plus",
              "Section de l'article"),
          "ko",
          new Labels(
              "ko",
              "인식됨: ",
              "오류 텍스트 ",
              "입력한 표현 ",
              "메시지가 이 항목의 예와 비슷합니다",
              "확신",
              "원인: ",
              "출처: ",
              "문서 열기",
              "이 오류에는 원인이 여러 개 있습니다. 어느 쪽에 해당하나요?",
              "인식된 오류 텍스트: ",
              "위 원인 중 어느 것이 환경에 맞는지 알려 주시면 전체 단계를 안내해 드리겠습니다.",
              "자세히",
              "문서 섹션"));

  /**
   * The lead-in of a version note, in words a reader understands: {@code since} is the year or
   * year-month of the article version ("2021-03" gives "Since the March 2021 version of the
   * article: ").
   */
  String since(String since) {
    String year = since.length() >= 4 ? since.substring(0, 4) : since;
    Optional<String> month = Optional.empty();
    if (since.length() == 7) {
      try {
        Month m = Month.of(Integer.parseInt(since.substring(5)));
        Locale locale = lang.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        month =
            Optional.of(
                lang.equals("ko") ? m.getValue() + "월" : m.getDisplayName(TextStyle.FULL, locale));
      } catch (RuntimeException e) {
        month = Optional.empty();
      }
    }
    switch (lang) {
      case "fr":
        String version =
            month
                .map(m -> "Depuis la version de " + m + " " + year)
                .orElse("Depuis la version " + year);
        return version + " de l'article : ";
      case "ko":
        return year + "년 " + month.map(m -> m + " ").orElse("") + "버전의 문서부터: ";
      default:
        return "Since the "
            + month.map(m -> m + " ").orElse("")
            + year
            + " version of the article: ";
    }
  }

  /** The labels for a language code, English when there are none. */
  static Labels of(String lang) {
    return OTHERS.getOrDefault(lang, ENGLISH);
  }
}
