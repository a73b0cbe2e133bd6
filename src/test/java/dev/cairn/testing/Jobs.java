package dev.cairn.testing;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import static org.awaitility.Awaitility.await;

/**
 * Runs a recurring job now rather than at its next turn, through the scheduler as in
 * production.
 */
public final class Jobs {

	private Jobs() {
	}

	public static void runNow(Scheduler scheduler, String name) {
		TaskInstance<Void> instance = new TaskInstance<>(name, RecurringTask.INSTANCE);
		// False while a run is in progress: wait for it to finish, then ask again.
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.reschedule(instance, Instant.now()));
		scheduler.triggerCheckForDueExecutions();
	}

}
