package dev.cairn.mail;

/**
 * A message waits to be sent. Stored by the event publication registry with the
 * transaction that asked for it and handed to {@link MailDelivery} after the commit.
 */
record MailQueued(Mail mail) {

}
