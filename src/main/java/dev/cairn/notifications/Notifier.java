package dev.cairn.notifications;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.mail.Mail;
import dev.cairn.mail.Mailer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells one person about one thing, by the channels they chose: the in-app row and the
 * mail are made in the caller's transaction (a listener's or a job's), so both happen or
 * neither does, and the unique key of the row makes a second attempt a no-op. Counts what
 * went out in {@code cairn.notifications.sent} (tags {@code channel}, {@code kind}) once
 * the transaction commits.
 */
@Component
class Notifier {

	private final NotificationRepository notifications;

	private final NotificationMails mails;

	private final Mailer mailer;

	private final MeterRegistry meters;

	Notifier(NotificationRepository notifications, NotificationMails mails, Mailer mailer, MeterRegistry meters) {
		this.notifications = notifications;
		this.mails = mails;
		this.mailer = mailer;
		this.meters = meters;
	}

	/**
	 * @return whether anything was sent (false: the person wants neither channel, or was
	 * told already)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean notify(Recipient to, Kind kind, Subject subject, Preferences preferences) {
		boolean inApp = preferences.inApp().allows(kind);
		boolean email = preferences.email().allows(kind);
		if (!inApp && !email) {
			return false;
		}
		if (!this.notifications.insert(to.id(), kind, subject, inApp, email)) {
			return false;
		}
		if (inApp) {
			countAfterCommit("in_app", kind.value());
		}
		if (email) {
			send(this.mails.notification(to, kind, subject), kind.value());
		}
		return true;
	}

	/** Queues a mail in the current transaction and counts it once that commits. */
	void send(Mail mail, String kind) {
		this.mailer.send(mail);
		countAfterCommit("email", kind);
	}

	private void countAfterCommit(String channel, String kind) {
		Runnable count = () -> this.meters.counter("cairn.notifications.sent", "channel", channel, "kind", kind)
			.increment();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
