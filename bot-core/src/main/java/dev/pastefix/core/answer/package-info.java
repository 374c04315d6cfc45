/**
 * Builds the platform-neutral replies of the engine from knowledge-base entries: answers,
 * clarifying questions, "don't know" replies with the closest entries, help and entry views.
 */
package dev.pastefix.core.answer;
