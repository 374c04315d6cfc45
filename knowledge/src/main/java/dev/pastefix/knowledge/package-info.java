/**
 * The knowledge base of pastefix: troubleshooting entries taken from the source articles, as
 * immutable records loaded and validated from YAML.
 */
package dev.pastefix.knowledge;
