/**
 * The Slack adapter: a Bolt app that turns Slack events, the {@code /pastefix} command and button
 * clicks into engine messages, and engine outcomes into Block Kit messages. Socket Mode and HTTP
 * mode; no troubleshooting logic lives here.
 */
package dev.pastefix.slack;
