/**
 * pastefix on Microsoft Teams, over the Bot Connector protocol: activities arrive on {@code POST
 * /api/messages} with a Bot Framework token, answers go back to the conversation as Adaptive Cards.
 * The adapter only translates; the engine decides.
 */
package dev.pastefix.teams;
