/**
 * The Discord adapter: a JDA listener that turns messages, slash commands and button clicks into
 * {@code Inbound}s, and renders the engine's replies as embeds with buttons.
 */
package dev.pastefix.discord;
