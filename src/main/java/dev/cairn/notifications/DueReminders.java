package dev.cairn.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.cairn.notifications.ReminderRepository.DueTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the assignee of each open task due today or tomorrow (UTC), once per task and
 * due date: a {@code due_reminders} row claims the pair in the transaction that notifies,
 * so neither a rerun nor a second node reminds twice, and a moved due date is reminded
 * again.
 */
@Configuration(proxyBeanMethods = false)
class DueReminders {

	/** Tasks handled per transaction. */
	static final int BATCH = 200;

	private final ReminderRepository reminders;

	private final AudienceRepository audience;

	private final PreferenceRepository preferences;

	private final Notifier notifier;

	private final TransactionTemplate transactions;

	DueReminders(ReminderRepository reminders, AudienceRepository audience, PreferenceRepository preferences,
			Notifier notifier, TransactionTemplate transactions) {
		this.reminders = reminders;
		this.audience = audience;
		this.preferences = preferences;
		this.notifier = notifier;
		this.transactions = transactions;
	}

	@Bean
	RecurringTask<Void> dueReminderJob(NotificationSettings settings, Clock clock) {
		return Tasks.recurring("notifications-due-reminders", FixedDelay.of(settings.dueReminderInterval()))
			.execute((instance, context) -> remind(clock.instant()));
	}

	/**
	 * Sends the reminders due at {@code now}.
	 * @return how many tasks were reminded of
	 */
	int remind(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int total = 0;
		while (true) {
			Integer done = this.transactions.execute((status) -> batch(today, today.plusDays(1)));
			total += done;
			if (done < BATCH) {
				return total;
			}
		}
	}

	// Every task found is claimed, notified or not (a former member, a disabled account,
	// both channels off), so the next batch moves on.
	private int batch(LocalDate from, LocalDate to) {
		List<DueTask> due = this.reminders.findDue(from, to, BATCH);
		for (DueTask task : due) {
			if (!this.reminders.claim(task.id(), task.dueDate())) {
				continue;
			}
			Map<java.util.UUID, Recipient> assignee = this.audience.activeMembers(task.projectId(),
					List.of(task.assigneeId()));
			Recipient recipient = assignee.get(task.assigneeId());
			if (recipient != null) {
				Subject subject = new Subject(null, task.projectId(), task.id(), null,
						new Summary(task.key(), task.title(), null, null, task.dueDate()));
				this.notifier.notify(recipient, Kind.DUE_SOON, subject, this.preferences.find(recipient.id()));
			}
		}
		return due.size();
	}

}
