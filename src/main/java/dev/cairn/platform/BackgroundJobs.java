package dev.cairn.platform;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules one-off jobs as part of the current transaction: they exist if and only if
 * the transaction commits, and this node starts on them right after the commit instead of
 * at its next poll.
 */
@Component
public class BackgroundJobs {

	private final Scheduler scheduler;

	BackgroundJobs(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Schedules each instance to run now, unless it is already scheduled.
	 */
	public void runSoon(List<? extends TaskInstance<?>> instances) {
		Instant now = Instant.now();
		for (TaskInstance<?> instance : instances) {
			this.scheduler.scheduleIfNotExists(instance, now);
		}
		wakeAfterCommit();
	}

	/**
	 * Runs an instance now: schedules it, or moves it to now when it waits for later.
	 */
	public void runNow(TaskInstance<?> instance) {
		if (!this.scheduler.scheduleIfNotExists(instance, Instant.now())) {
			this.scheduler.reschedule(instance, Instant.now());
		}
		wakeAfterCommit();
	}

	private void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.scheduler.triggerCheckForDueExecutions();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				BackgroundJobs.this.scheduler.triggerCheckForDueExecutions();
			}
		});
	}

}
