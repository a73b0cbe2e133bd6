/**
 * The command line of the jar: start the server, or run one maintenance command.
 */
package dev.cairn.platform.cli;
