/**
 * Checks: the DNS check the bot runs itself, and guided checks where the administrator runs a
 * command and pastes its output for the bot to read. Each check gives a {@link
 * dev.pastefix.core.check.CheckVerdict} whose fix comes from the knowledge base.
 */
package dev.pastefix.core.check;
