/**
 * Text handling before classification: chat markup and console framing are removed, the analysed
 * length is bounded, and facts such as the cmdlet, remote host and sign-in domain are extracted.
 */
package dev.pastefix.core.text;
