/** The runnable bot: command line, settings from the environment, composition root and console. */
package dev.pastefix.app;
