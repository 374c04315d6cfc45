/**
 * The platform-neutral reply model: a small typed tree of blocks and spans that each adapter
 * renders natively (Block Kit, Discord embeds, console text).
 */
package dev.pastefix.core.reply;
