package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
  @Test
  void channelNeedsMoreConfidenceThanADirectMessage() {
    assertTrue(Thresholds.CHANNEL_MIN_CONFIDENCE > Thresholds.DIRECT_MIN_CONFIDENCE);
    assertTrue(Thresholds.CHANNEL_MIN_RATIO > Thresholds.DIRECT_MIN_RATIO);
  }

  @Test
  void aChannelMessageWithoutSkypeWordsNeedsEvenMore() {
    assertTrue(
        Thresholds.CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN > Thresholds.CHANNEL_MIN_CONFIDENCE);
  }

  @Test
  void aSecondFindingNeedsMoreThanAChannelAnswer() {
    assertTrue(Thresholds.SECOND_FINDING_MAX_NONE < 1.0);
    assertTrue(Thresholds.SECOND_FINDING_MIN_RATIO >= Thresholds.CHANNEL_MIN_RATIO);
  }

  @Test
  void signaturesAreTheSurestEvidence() {
    assertTrue(Thresholds.SIGNATURE_CONFIDENCE > Thresholds.CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN);
    assertTrue(Thresholds.SIGNATURE_CONFIDENCE <= 1.0);
  }

  @Test
  void probabilitiesAreProbabilities() {
    for (double p :
        new double[] {
          Thresholds.DIRECT_MIN_CONFIDENCE,
          Thresholds.CHANNEL_MIN_CONFIDENCE,
          Thresholds.CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN,
          Thresholds.SECOND_FINDING_MIN_CONFIDENCE
        }) {
      assertTrue(p > 0 && p < 1, "probability " + p);
    }
    assertTrue(Thresholds.NONE_RATIO >= 1);
    assertTrue(Thresholds.CLOSEST_ENTRIES == 3);
  }

  @Test
  void entriesLearntFromArticleTextAloneNeedMoreThanCuratedOnes() {
    assertTrue(Thresholds.ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE > Thresholds.DIRECT_MIN_CONFIDENCE);
    assertTrue(Thresholds.ARTICLE_TEXT_DIRECT_MIN_RATIO > Thresholds.DIRECT_MIN_RATIO);
    assertTrue(
        Thresholds.ARTICLE_TEXT_CHANNEL_MIN_CONFIDENCE
            > Thresholds.CHANNEL_MIN_CONFIDENCE_WITHOUT_DOMAIN);
    assertTrue(Thresholds.ARTICLE_TEXT_CHANNEL_MIN_RATIO > Thresholds.CHANNEL_MIN_RATIO);
  }

  @Test
  void anUnrecognisedPasteNeedsMoreThanAQuestionAndAChannelMoreThanADirectMessage() {
    assertTrue(
        Thresholds.ARTICLE_TEXT_PASTE_MIN_CONFIDENCE
            > Thresholds.ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE);
    assertTrue(
        Thresholds.ARTICLE_TEXT_CHANNEL_MIN_CONFIDENCE
            > Thresholds.ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE);
    for (double p :
        new double[] {
          Thresholds.ARTICLE_TEXT_DIRECT_MIN_CONFIDENCE,
          Thresholds.ARTICLE_TEXT_PASTE_MIN_CONFIDENCE,
          Thresholds.ARTICLE_TEXT_CHANNEL_MIN_CONFIDENCE
        }) {
      assertTrue(p > 0 && p < 1, "probability " + p);
    }
  }
}
