/**
 * Commands for the bot's administrators: usage statistics, the review of what the bot missed and
 * reloading the knowledge base, allowed only to the people listed as admins.
 */
package dev.pastefix.core.admin;
