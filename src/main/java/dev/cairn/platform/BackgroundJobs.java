package dev.cairn.platform;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.cairn.platform.jobs.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	private final SchedulerClient scheduler;

	private final JobRunner runner;

	BackgroundJobs(SchedulerClient scheduler, JobRunner runner) {
		this.scheduler = scheduler;
		this.runner = runner;
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
	 * When it is running at this moment it is left alone, so a job asked for this way
	 * must read its work's state again as it completes and run again when asked to (as
	 * the webhook delivery job does).
	 */
	public void runNow(TaskInstance<?> instance) {
		// The job may finish and vanish between the two calls: then schedule it afresh;
		// or a scheduler may pick it meanwhile (the client reads, then updates).
		for (int attempt = 0;; attempt++) {
			if (attempt == 3) {
				log.warn("Job {} kept changing while it was moved to now; it runs when it was due",
						instance.getTaskAndInstance());
				break;
			}
			if (this.scheduler.scheduleIfNotExists(instance, Instant.now())) {
				break;
			}
			try {
				this.scheduler.reschedule(instance, Instant.now());
				break;
			}
			catch (TaskInstanceCurrentlyExecutingException ex) {
				return;
			}
			catch (TaskInstanceNotFoundException ex) {
				// gone meanwhile: around again
			}
			catch (ExecutionException ex) {
				// Picked or moved between the client's read and its update: the next
				// round finds it running, or waiting and movable.
			}
		}
		wakeAfterCommit();
	}

	/**
	 * Has this node look for due jobs once the current transaction commits (at once
	 * without one), instead of at its next poll.
	 */
	public void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.runner.wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				BackgroundJobs.this.runner.wake();
			}
		});
	}

}
