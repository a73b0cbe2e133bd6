/**
 * Infrastructure every feature stands on and none owns: the database (embedded or
 * external), migrations and their rollback, identifiers, and the command line.
 */
package dev.cairn.platform;
