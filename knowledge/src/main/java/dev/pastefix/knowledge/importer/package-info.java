/**
 * {@code kb import}: reads troubleshooting articles in Markdown (docs-as-code with front matter,
 * localized versions with {@code sxs-lookup} spans, plain runbooks) and writes knowledge files of
 * the format in {@code knowledge/README.md}, keeping what a person added to earlier imports.
 */
package dev.pastefix.knowledge.importer;
