/**
 * The engine of pastefix: it takes one chat message and decides to answer, to ask, or to stay
 * silent. Nothing in this package knows about Slack, Discord or HTTP.
 */
package dev.pastefix.core;
