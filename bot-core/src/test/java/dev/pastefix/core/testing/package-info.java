/**
 * The shared test kit of every module (published as bot-core's test-jar): one testing bot, one set
 * of sample replies built from fixed data, and one snapshot helper for the renderers.
 */
package dev.pastefix.core.testing;
