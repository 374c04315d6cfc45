/**
 * Finding knowledge-base entries for people: by words, by a mistyped id and by the start of an id
 * or title, one search for the chat, the command line and autocomplete.
 */
package dev.pastefix.core.search;
