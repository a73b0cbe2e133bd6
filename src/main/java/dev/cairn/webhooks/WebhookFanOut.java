package dev.cairn.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cairn.activity.ActivityRecorded;
import dev.cairn.platform.BackgroundJobs;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each committed event into one delivery per subscribed webhook, and schedules
 * their first attempts, in one transaction. Runs at least once per event (the event
 * publication registry retries it); a second run creates nothing new.
 */
@Component
class WebhookFanOut {

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final BackgroundJobs jobs;

	WebhookFanOut(WebhookRepository webhooks, DeliveryRepository deliveries, BackgroundJobs jobs) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.jobs = jobs;
	}

	// The condition is checked before the event's outbox row is written: an event that
	// no webhook of its project wants costs no row and no listener run.
	@ApplicationModuleListener(condition = "@webhookFanOut.wanted(#event)")
	void on(ActivityRecorded event) {
		// Publications stored before the condition existed, or resubmitted, reach
		// here without it.
		if (event.projectId() == null || !Subscriptions.DELIVERABLE.contains(event.type())) {
			return;
		}
		List<UUID> created = new ArrayList<>();
		for (UUID webhookId : this.webhooks.subscribers(event.projectId(), event.type())) {
			this.deliveries.create(webhookId, event.eventId()).ifPresent(created::add);
		}
		if (!created.isEmpty()) {
			this.jobs.runSoon(DeliveryJob.instances(created));
		}
	}

	/** Whether some enabled webhook of the event's project subscribes to its type. */
	public boolean wanted(ActivityRecorded event) {
		if (event.projectId() == null || !Subscriptions.DELIVERABLE.contains(event.type())) {
			return false;
		}
		List<String> subscriptions = this.webhooks.subscriptions(event.projectId());
		return Subscriptions.selectors(event.type()).stream().anyMatch(subscriptions::contains);
	}

}
