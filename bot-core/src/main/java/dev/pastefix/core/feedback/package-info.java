/** What users said about answers: Helpful / Not helpful clicks, recorded per answer. */
package dev.pastefix.core.feedback;
