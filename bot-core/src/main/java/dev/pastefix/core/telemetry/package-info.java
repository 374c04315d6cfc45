/**
 * What an operator sees of the running bot: counters and latency histograms through Micrometer
 * (exported by the application), the one log line per handled message, and URLs made safe to log.
 * Adapters report here; nothing in this package decides anything about troubleshooting.
 */
package dev.pastefix.core.telemetry;
