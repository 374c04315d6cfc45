package dev.pastefix.core;

/** How a message reached the bot; it drives the decision policy. */
public enum Channel {
  /** A direct message to the bot. */
  DIRECT,
  /** A message that mentions the bot in a channel. */
  MENTION,
  /** An unaddressed message in a channel the bot reads: answer only when sure. */
  CHANNEL,
  /** A follow-up inside a thread the bot already answered. */
  THREAD,
  /** A slash command. */
  COMMAND;

  /** Whether somebody spoke to the bot, so that it owes a useful reply. */
  public boolean addressed() {
    return this != CHANNEL;
  }
}
