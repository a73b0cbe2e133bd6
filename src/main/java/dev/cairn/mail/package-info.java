/**
 * Outgoing email: sent through SMTP after the transaction that asked for it commits,
 * never inside a request's transaction; with no SMTP configured, a log line without the
 * body.
 */
package dev.cairn.mail;
