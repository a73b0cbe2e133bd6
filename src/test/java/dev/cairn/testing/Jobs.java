package dev.cairn.testing;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import static org.awaitility.Awaitility.await;

/**
 * Runs a recurring job now rather than at its next turn, through the scheduler as in
 * production (a node picks it up at its next poll).
 */
public final class Jobs {

	private Jobs() {
	}

	public static void runNow(SchedulerClient scheduler, String name) {
		TaskInstance<Void> instance = new TaskInstance<>(name, RecurringTask.INSTANCE);
		// While a run is in progress it cannot move: wait for it to finish, then ask
		// again.
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			try {
				return scheduler.reschedule(instance, Instant.now());
			}
			catch (TaskInstanceCurrentlyExecutingException | ExecutionException ex) {
				// running, or picked between the client's read and its update
				return false;
			}
		});
	}

}
