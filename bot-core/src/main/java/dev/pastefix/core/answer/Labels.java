package dev.pastefix.core.answer;

import java.util.Map;

/**
 * The fixed words of an answer in English, French and Korean, so that a French or Korean answer
 * does not switch language between its labels and the entry's translated text.
 */
record Labels(
    String matched,
    String errorText,
    String yourWords,
    String similar,
    String sure,
    String cause,
    String source,
    String openArticle) {

  private static final Labels ENGLISH =
      new Labels(
          "Matched: ",
          "the error text ",
          "your words ",
          "your message is similar to this entry's examples",
          "sure",
          "Cause: ",
          "Source: ",
          "Open the article");

  private static final Map<String, Labels> OTHERS =
      Map.of(
          "fr",
          new Labels(
              "Reconnu : ",
              "le texte d'erreur ",
              "vos mots ",
              "votre message ressemble aux exemples de cette entrée",
              "de certitude",
              "Cause : ",
              "Source : ",
              "Ouvrir l'article"),
          "ko",
          new Labels(
              "인식됨: ", "오류 텍스트 ", "입력한 표현 ", "메시지가 이 항목의 예와 비슷합니다", "확신", "원인: ", "출처: ", "문서 열기"));

  /** The labels for a language code, English when there are none. */
  static Labels of(String lang) {
    return OTHERS.getOrDefault(lang, ENGLISH);
  }
}
