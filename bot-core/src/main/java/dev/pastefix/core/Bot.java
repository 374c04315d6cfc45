package dev.pastefix.core;

/**
 * The front door of pastefix: a message or a button click in, the turn it made out. In main code
 * only {@link dev.pastefix.core.pipeline.Pipeline} implements it; it never throws and is
 * thread-safe.
 */
public interface Bot {
  Turn handle(Inbound in);

  /**
   * Whether the knowledge answering now has the entry {@code entryId}: a button's data naming any
   * other entry was not made by this bot (or names an entry a reload removed).
   */
  boolean hasEntry(String entryId);
}
