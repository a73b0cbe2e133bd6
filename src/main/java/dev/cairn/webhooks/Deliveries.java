package dev.cairn.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.platform.BackgroundJobs;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log of a webhook, manual redelivery, and ping: for the project's admins.
 */
@Service
public class Deliveries {

	static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

	private final Webhooks webhooks;

	private final WebhookRepository webhookRows;

	private final DeliveryRepository deliveries;

	private final ActivityLog activity;

	private final BackgroundJobs jobs;

	private final Cursor cursors;

	Deliveries(Webhooks webhooks, WebhookRepository webhookRows, DeliveryRepository deliveries, ActivityLog activity,
			BackgroundJobs jobs, Cursor cursors) {
		this.webhooks = webhooks;
		this.webhookRows = webhookRows;
		this.deliveries = deliveries;
		this.activity = activity;
		this.jobs = jobs;
		this.cursors = cursors;
	}

	/** Newest first, optionally only those with a status. */
	@Transactional(readOnly = true)
	public Page<Delivery> list(UUID userId, UUID webhookId, String status, String cursor, int limit) {
		this.webhooks.managed(userId, this.webhookRows.find(webhookId));
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInput("status", "must be one of pending, succeeded, failed");
		}
		ListKey kind = ListKey.of("deliveries", webhookId, (status != null) ? status : "all");
		List<Delivery> rows = this.deliveries.findPage(webhookId, status, this.cursors.afterId(kind, cursor),
				limit + 1);
		return this.cursors.page(kind, rows, limit, (delivery) -> List.of(delivery.id().toString()));
	}

	@Transactional(readOnly = true)
	public Delivery get(UUID userId, UUID webhookId, UUID deliveryId) {
		this.webhooks.managed(userId, this.webhookRows.find(webhookId));
		return this.deliveries.find(webhookId, deliveryId).orElseThrow(DeliveryNotFound::new);
	}

	/**
	 * Sends the delivery again, from a fresh retry schedule, with the same
	 * {@code webhook-id} (the receiver sees the same event again, and may deduplicate).
	 */
	@Transactional
	public Delivery redeliver(UUID userId, UUID webhookId, UUID deliveryId) {
		Webhook webhook = this.webhooks.managed(userId, this.webhookRows.findForUpdate(webhookId));
		if (!webhook.enabled()) {
			throw new WebhookIsDisabled();
		}
		this.deliveries.find(webhookId, deliveryId).orElseThrow(DeliveryNotFound::new);
		this.deliveries.restart(deliveryId, webhookId, webhook.projectId());
		this.jobs.runNow(DeliveryJob.instance(deliveryId));
		return this.deliveries.find(webhookId, deliveryId).orElseThrow();
	}

	/**
	 * Sends a {@code webhook.ping} event to this webhook only, whatever it subscribes to
	 * and even while it is off: a way to test a receiver. A ping is attempted once.
	 */
	@Transactional
	public Delivery ping(UUID userId, UUID webhookId) {
		Webhook webhook = this.webhooks.managed(userId, this.webhookRows.find(webhookId));
		UUID eventId = this.activity
			.record(new WebhookEvent.WebhookPinged(webhook.projectId(), userId, new WebhookEvent.Ref(webhookId)));
		UUID deliveryId = this.deliveries.create(webhookId, eventId).orElseThrow();
		this.jobs.runSoon(List.of(DeliveryJob.instance(deliveryId)));
		return this.deliveries.find(webhookId, deliveryId).orElseThrow();
	}

}
