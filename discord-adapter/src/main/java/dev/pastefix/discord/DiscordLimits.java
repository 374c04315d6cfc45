package dev.pastefix.discord;

/** Discord's documented size limits for messages, embeds and components. */
final class DiscordLimits {
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FIELDS = 25;
  static final int FOOTER = 2048;

  /** Title, description, field names and values and footers of all embeds of one message. */
  static final int EMBED_TOTAL = 6000;

  static final int EMBEDS = 10;
  static final int CONTENT = 2000;
  static final int BUTTONS_PER_ROW = 5;
  static final int ROWS = 5;
  static final int CUSTOM_ID = 100;
  static final int BUTTON_LABEL = 80;
  static final int BUTTON_URL = 512;
  static final int CHOICES = 25;
  static final int CHOICE_NAME = 100;
  static final int CHOICE_VALUE = 100;

  private DiscordLimits() {}
}
