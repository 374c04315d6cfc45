/**
 * What the bot remembers between messages, as small ports the core owns: seen platform events,
 * conversations, pending checks, shareable replies and the answer log. The storage module
 * implements them over a database; every implementation passes the same contract tests.
 */
package dev.pastefix.core.state;
