/**
 * The bot's state over JDBC: every port of {@code dev.pastefix.core.state} (and the feedback store)
 * on one schema that Flyway migrates at start-up, in an embedded H2 file by default or in a shared
 * PostgreSQL for several instances.
 */
package dev.pastefix.storage;
