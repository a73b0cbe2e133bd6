package dev.cairn.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, mails each user who asked for it a list of their unread in-app
 * notifications of the last day; nobody with nothing unread gets a mail. A
 * {@code notification_digests} row per user and day, written with the mail, makes a rerun
 * (or a second node) skip those already served.
 */
@Configuration(proxyBeanMethods = false)
class DailyDigest {

	/** Notifications listed in one digest; the mail counts the rest. */
	static final int MAX_ITEMS = 50;

	private static final int BATCH = 100;

	private final DigestRepository digests;

	private final NotificationRepository notifications;

	private final NotificationMails mails;

	private final Notifier notifier;

	private final TransactionTemplate transactions;

	DailyDigest(DigestRepository digests, NotificationRepository notifications, NotificationMails mails,
			Notifier notifier, TransactionTemplate transactions) {
		this.digests = digests;
		this.notifications = notifications;
		this.mails = mails;
		this.notifier = notifier;
		this.transactions = transactions;
	}

	@Bean
	RecurringTask<Void> dailyDigestJob(NotificationSettings settings, Clock clock) {
		return Tasks.recurring("notifications-daily-digest", Schedules.daily(ZoneOffset.UTC, settings.digestTime()))
			.execute((instance, context) -> send(clock.instant()));
	}

	/**
	 * Sends the digests of the day {@code now} falls on (UTC).
	 * @return how many were sent
	 */
	int send(Instant now) {
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Instant since = now.minus(Duration.ofDays(1));
		int sent = 0;
		UUID after = new UUID(0, 0);
		while (true) {
			List<Recipient> batch = this.digests.findSubscribers(day, after, BATCH);
			for (Recipient recipient : batch) {
				Boolean mailed = this.transactions.execute((status) -> sendOne(recipient, day, since));
				sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
			}
			if (batch.size() < BATCH) {
				return sent;
			}
			after = batch.get(batch.size() - 1).id();
		}
	}

	private boolean sendOne(Recipient recipient, LocalDate day, Instant since) {
		List<Notification> listed = this.notifications.findUnreadSince(recipient.id(), since, MAX_ITEMS);
		if (listed.isEmpty() || !this.digests.claim(recipient.id(), day)) {
			return false;
		}
		int more = (listed.size() < MAX_ITEMS) ? 0
				: this.notifications.countUnreadSince(recipient.id(), since) - listed.size();
		this.notifier.send(this.mails.digest(recipient, listed, more), "digest");
		return true;
	}

}
