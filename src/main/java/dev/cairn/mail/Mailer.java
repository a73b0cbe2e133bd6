package dev.cairn.mail;

import dev.cairn.platform.SecretBox;

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

	private final SecretBox box;

	Mailer(ApplicationEventPublisher events, SecretBox box) {
		this.events = events;
		this.box = box;
	}

	/**
	 * Queues the message in the current transaction, or in one of its own.
	 */
	@Transactional
	public void send(Mail mail) {
		this.events.publishEvent(MailQueued.of(mail, this.box));
	}

}
