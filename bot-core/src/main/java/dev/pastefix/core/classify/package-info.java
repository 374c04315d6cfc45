/**
 * Classification: error signatures from the knowledge base, an OpenNLP MaxEnt document categorizer
 * trained at start-up from the knowledge base, a concept lexicon shared by both languages,
 * look-alike services, and the combiner that ranks their candidates.
 */
package dev.pastefix.core.classify;
