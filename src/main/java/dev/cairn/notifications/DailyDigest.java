package dev.cairn.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.cairn.notifications.DigestRepository.Subscriber;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, at the digest time of each user's own time zone, mails each user who asked
 * for it a list of their unread in-app notifications since their previous digest; nobody
 * with nothing unread gets a mail. A {@code notification_digests} row per user and local
 * day, written with the mail, makes a rerun (or a second node) skip those already served.
 */
@Configuration(proxyBeanMethods = false)
class DailyDigest {

	/** Notifications listed in one digest; the mail counts the rest. */
	static final int MAX_ITEMS = 50;

	/**
	 * How far back a digest looks at most: a digest turned on again after months does not
	 * dig up everything unread since the last one.
	 */
	static final Duration MAX_WINDOW = Duration.ofDays(7);

	private static final int BATCH = 100;

	private final DigestRepository digests;

	private final NotificationRepository notifications;

	private final NotificationMails mails;

	private final Notifier notifier;

	private final TransactionTemplate transactions;

	private final LocalTime digestTime;

	DailyDigest(DigestRepository digests, NotificationRepository notifications, NotificationMails mails,
			Notifier notifier, TransactionTemplate transactions, NotificationSettings settings) {
		this.digests = digests;
		this.notifications = notifications;
		this.mails = mails;
		this.notifier = notifier;
		this.transactions = transactions;
		this.digestTime = settings.digestTime();
	}

	/**
	 * Every quarter hour, on the digest time's minute within the quarter: every UTC
	 * offset in use is a whole number of quarter hours (+05:45, -09:30, ...), so a run
	 * falls on the digest time of every zone.
	 */
	@Bean
	RecurringTask<Void> dailyDigestJob(NotificationSettings settings, Clock clock) {
		LocalTime at = settings.digestTime();
		String everyQuarter = at.getSecond() + " " + (at.getMinute() % 15) + "/15 * * * *";
		return Tasks.recurring("notifications-daily-digest", Schedules.cron(everyQuarter, ZoneOffset.UTC))
			.execute((instance, context) -> send(clock.instant()));
	}

	/**
	 * Sends the digests due at {@code now}.
	 * @return how many were sent
	 */
	int send(Instant now) {
		return send(now, this.digestTime);
	}

	/**
	 * Sends the digests due at {@code now} to those whose local clock has reached
	 * {@code at} today and who have had none for their local day.
	 * @return how many were sent
	 */
	int send(Instant now, LocalTime at) {
		int sent = 0;
		UUID after = new UUID(0, 0);
		while (true) {
			List<Subscriber> batch = this.digests.findDue(now, at, after, BATCH);
			for (Subscriber subscriber : batch) {
				Boolean mailed = this.transactions.execute((status) -> sendOne(subscriber, now));
				sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
			}
			if (batch.size() < BATCH) {
				return sent;
			}
			after = batch.get(batch.size() - 1).recipient().id();
		}
	}

	// Since the previous digest rather than over the last 24 hours: a local day lasts 23
	// or 25 hours across a DST change, and a stopped server or a new time zone moves the
	// next digest, so only this neither lists a notification twice nor skips one.
	private boolean sendOne(Subscriber subscriber, Instant now) {
		UUID userId = subscriber.recipient().id();
		Instant since = (subscriber.previous() != null)
				? Collections.max(List.of(subscriber.previous(), now.minus(MAX_WINDOW)))
				: now.minus(Duration.ofDays(1));
		List<Notification> listed = this.notifications.findUnreadBetween(userId, since, now, MAX_ITEMS);
		if (listed.isEmpty() || !this.digests.claim(userId, subscriber.day(), now)) {
			return false;
		}
		int more = (listed.size() < MAX_ITEMS) ? 0
				: this.notifications.countUnreadBetween(userId, since, now) - listed.size();
		this.notifier.send(this.mails.digest(subscriber.recipient(), listed, more), "digest");
		return true;
	}

}
