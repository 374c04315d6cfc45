package dev.pastefix.core.reply;

/** How important a note or an answer is; renderers map it to colour or emphasis. */
public enum Severity {
  INFO,
  SUCCESS,
  WARNING,
  ERROR
}
