package dev.cairn.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.cairn.notifications.ReminderRepository.DueTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the assignee of each open task on the day before its due date, on their own
 * calendar (the time zone of their profile, UTC without one), once their clock has
 * reached the reminder time: a working day's notice. A task that gets its due date or
 * assignee later than that is reminded at once, or on its due day from the reminder time
 * on. Once per task and due date: a {@code due_reminders} row claims the pair in the
 * transaction that notifies, so neither a rerun nor a second node reminds twice, and a
 * moved due date is reminded again.
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

	private final LocalTime reminderTime;

	DueReminders(ReminderRepository reminders, AudienceRepository audience, PreferenceRepository preferences,
			Notifier notifier, TransactionTemplate transactions, NotificationSettings settings) {
		this.reminders = reminders;
		this.audience = audience;
		this.preferences = preferences;
		this.notifier = notifier;
		this.transactions = transactions;
		this.reminderTime = settings.dueReminderTime();
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
		int total = 0;
		DueTask after = null;
		while (true) {
			DueTask from = after;
			List<DueTask> due = this.transactions.execute((status) -> batch(now, from));
			total += due.size();
			if (due.size() < BATCH) {
				return total;
			}
			after = due.get(due.size() - 1);
		}
	}

	// Every task found is claimed, notified or not (a former member, a disabled account,
	// both channels off), so no run finds it again.
	private List<DueTask> batch(Instant now, DueTask after) {
		List<DueTask> due = this.reminders.findDue(now, this.reminderTime, after, BATCH);
		for (DueTask task : due) {
			if (!this.reminders.claim(task.id(), task.dueDate())) {
				continue;
			}
			Map<UUID, Recipient> assignee = this.audience.activeMembers(task.projectId(), List.of(task.assigneeId()));
			Recipient recipient = assignee.get(task.assigneeId());
			if (recipient != null) {
				Subject subject = new Subject(null, task.projectId(), task.id(), null,
						new Summary(task.key(), task.title(), null, null, task.dueDate()));
				this.notifier.notify(recipient, Kind.DUE_SOON, subject, this.preferences.find(recipient.id()));
			}
		}
		return due;
	}

}
