package dev.cairn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	CustomTask<Void> webhookDeliveryTask(DeliveryAttempts attempts) {
		return Tasks.custom(NAME, Void.class)
			.onDeadExecutionRevive()
			// Not a failed attempt (those are recorded and rescheduled below) but a
			// failure
			// to record one, such as the database being away: try again shortly.
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
			.execute((instance, context) -> switch (attempts.attempt(UUID.fromString(instance.getId()))) {
				case DeliveryAttempts.Next.Done done -> new CompletionHandler.OnCompleteRemove<>();
				case DeliveryAttempts.Next.RetryAt retry ->
					(complete, operations) -> operations.reschedule(complete, retry.at());
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
