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

	@ApplicationModuleListener
	void on(ActivityRecorded event) {
		if (event.projectId() == null || !EventTypes.DELIVERABLE.contains(event.type())) {
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

}
