/**
 * The steps of the standard pipeline: the guard, the metrics and log line, the answer log, the
 * admin gate, thread follow-ups, pending checks and the dispatch to the commands and the engine.
 */
package dev.pastefix.core.pipeline.builtin;
