package dev.cairn.mail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail. A message is sent after the transaction that queued it commits (so a
 * rolled-back change sends nothing), on a background thread (so a slow SMTP server never
 * holds a request), and at least once: it waits in the event publication registry until
 * the SMTP server has taken it, across restarts.
 */
@Component
public class Mailer {

	private final ApplicationEventPublisher events;

	Mailer(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Queues the message in the current transaction, or in one of its own.
	 */
	@Transactional
	public void send(Mail mail) {
		this.events.publishEvent(new MailQueued(mail));
	}

}
