package dev.cairn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.cairn.platform.BackgroundJobs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery attempts as db-scheduler jobs, one per pending delivery (the instance id is
 * the delivery's id). db-scheduler runs each on one node at a time, and revives it on
 * another node when its node dies mid-attempt (no heartbeat); the job reschedules itself
 * for each retry.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	static final String NAME = "webhook-delivery";

	@Bean
	CustomTask<Void> webhookDeliveryTask(DeliveryAttempts attempts, DeliveryRepository deliveries,
			TransactionTemplate transactions, ObjectProvider<BackgroundJobs> jobs) {
		// Jobs are asked for lazily: the scheduler they use is made from this task.
		return Tasks.custom(NAME, Void.class)
			.onDeadExecutionRevive()
			// Not a failed attempt (those are recorded and rescheduled below) but a
			// failure to record one, such as the database being away: try again shortly.
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
			.execute((instance, context) -> {
				UUID id = UUID.fromString(instance.getId());
				return switch (attempts.attempt(id)) {
					case DeliveryAttempts.Next.AsRecorded recorded -> asRecorded(id, deliveries, transactions, jobs);
					case DeliveryAttempts.Next.ComeBackAt later ->
						(complete, operations) -> operations.reschedule(complete, later.at());
				};
			});
	}

	/**
	 * Runs the job again when the delivery's row says it is due again, and ends it
	 * otherwise. Read under the row's lock, which a redelivery takes too: one that came
	 * while the job ran found the job running and left the row pending for it, and one
	 * that comes now waits, then finds the job gone and schedules a new one.
	 */
	private static CompletionHandler<Void> asRecorded(UUID id, DeliveryRepository deliveries,
			TransactionTemplate transactions, ObjectProvider<BackgroundJobs> jobs) {
		return (complete, operations) -> transactions.executeWithoutResult((status) -> {
			Optional<Delivery> delivery = deliveries.findForUpdate(id).filter((d) -> "pending".equals(d.status()));
			if (delivery.isPresent()) {
				Instant now = Instant.now();
				Instant due = delivery.get().nextAttemptAt();
				operations.reschedule(complete, (due != null) ? due : now);
				if (due == null || !due.isAfter(now)) {
					// A poll before the commit skips the locked row: wake one after it.
					jobs.getObject().wakeAfterCommit();
				}
			}
			else {
				operations.stop();
			}
		});
	}

	/**
	 * Every minute, one node gives a job back to any pending delivery that lost its own
	 * (see {@link DeliveryRepository#findOrphans}).
	 */
	@Bean
	RecurringTask<Void> webhookDeliverySweep(DeliveryRepository deliveries) {
		return Tasks.recurring("webhook-delivery-sweep", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> deliveries.findOrphans(1000)
				.forEach(
						(orphan) -> context.getSchedulerClient().scheduleIfNotExists(instance(orphan), Instant.now())));
	}

	static TaskInstance<Void> instance(UUID deliveryId) {
		return new TaskInstance<>(NAME, deliveryId.toString());
	}

	static List<TaskInstance<Void>> instances(List<UUID> deliveryIds) {
		return deliveryIds.stream().map(DeliveryJob::instance).toList();
	}

}
