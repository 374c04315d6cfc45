/**
 * Evaluation of the engine over labelled messages (JSON lines): each text is handled as a direct
 * message and as an unaddressed channel message, and the scores of the eval contract are computed
 * into an {@link dev.pastefix.core.eval.EvalReport}.
 */
package dev.pastefix.core.eval;
