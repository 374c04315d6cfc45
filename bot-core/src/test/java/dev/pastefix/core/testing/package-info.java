/**
 * The shared test kit of every module (published as bot-core's test-jar): the production pipeline
 * over the shipped knowledge ({@link dev.pastefix.core.testing.TestingPipelines}), one recording
 * step, one set of sample replies built from fixed data, one snapshot helper for the renderers, and
 * small runbooks that stand in for imported articles ({@link dev.pastefix.core.testing.Runbooks}).
 */
package dev.pastefix.core.testing;
