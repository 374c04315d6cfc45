/**
 * The bounded pool of workers every platform answers on, with admission before acknowledgement and
 * the same graceful stop everywhere.
 */
package dev.pastefix.core.work;
