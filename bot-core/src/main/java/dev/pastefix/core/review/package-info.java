/**
 * Review of what the bot missed: unknown messages grouped by a normalised signature or by word
 * overlap, answers people marked Not helpful, near misses in channels, and drafts of new knowledge
 * entries for the largest groups.
 */
package dev.pastefix.core.review;
