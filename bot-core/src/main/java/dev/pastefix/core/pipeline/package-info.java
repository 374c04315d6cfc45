/**
 * The bot's one front door: a {@link dev.pastefix.core.pipeline.Pipeline} of {@link
 * dev.pastefix.core.pipeline.Step}s that every message and click of every platform goes through, in
 * the order {@link dev.pastefix.core.pipeline.Pipelines#standard} writes down, and {@link
 * dev.pastefix.core.pipeline.Routes}, the one table of commands.
 */
package dev.pastefix.core.pipeline;
