package dev.pastefix.teams;

/**
 * Teams' limits that the adapter respects, with margins. Teams refuses a bot message over about 28
 * KB ("413 Request Entity Too Large"); the card is cut to fit inside that with room for the
 * envelope.
 */
final class TeamsLimits {
  private TeamsLimits() {}

  /** The largest message (the whole activity as UTF-8 JSON) Teams accepts from a bot. */
  static final int MAX_ACTIVITY_BYTES = 28 * 1024;

  /** What the card may take: the message limit less room for the activity's other fields. */
  static final int MAX_CARD_BYTES = MAX_ACTIVITY_BYTES - 2 * 1024;

  /** The longest single text (a heading, a paragraph, a command) before it is cut. */
  static final int MAX_TEXT_CHARS = 3000;

  /** Buttons Teams shows under a card; the rest would be hidden in an overflow menu or dropped. */
  static final int MAX_ACTIONS = 6;

  /** The longest button title Teams shows without cutting it itself. */
  static final int MAX_ACTION_TITLE_CHARS = 40;

  /** The notification and fallback text. */
  static final int MAX_SUMMARY_CHARS = 500;

  /** The largest request body /api/messages reads; activities are a few kilobytes. */
  static final int MAX_REQUEST_BYTES = 256 * 1024;
}
