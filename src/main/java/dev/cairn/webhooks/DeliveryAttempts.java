package dev.cairn.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.activity.ActivityLog;
import dev.cairn.mail.Mailer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one attempt of one delivery and records what came of it. The attempt itself runs
 * outside any transaction (a receiver may take ten seconds); the record of it is one
 * short transaction. A node that dies in between leaves the job to be revived elsewhere,
 * which sends again with the same {@code webhook-id}: receivers deduplicate on it.
 */
@Component
class DeliveryAttempts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final DeliveryRepository deliveries;

	private final WebhookRepository webhooks;

	private final WebhookPayloads payloads;

	private final WebhookClient client;

	private final ActivityLog activity;

	private final Mailer mailer;

	private final WebhookMails mails;

	private final TransactionTemplate transactions;

	private final RetrySchedule retries;

	private final WebhookSettings settings;

	private final MeterRegistry meters;

	private final Clock clock;

	// Per webhook on this node: the bulkhead that keeps one slow receiver from taking
	// every delivery thread.
	private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

	// Attempts in flight on this node, all webhooks together: fewer than the node's job
	// threads, so slow receivers never hold every thread the other jobs need.
	private final Semaphore inFlight;

	DeliveryAttempts(DeliveryRepository deliveries, WebhookRepository webhooks, WebhookPayloads payloads,
			WebhookClient client, ActivityLog activity, Mailer mailer, WebhookMails mails,
			TransactionTemplate transactions, WebhookSettings settings, MeterRegistry meters, Clock clock) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.payloads = payloads;
		this.client = client;
		this.activity = activity;
		this.mailer = mailer;
		this.mails = mails;
		this.transactions = transactions;
		this.retries = new RetrySchedule(settings.retryDelays());
		this.inFlight = new Semaphore(settings.maxInFlight());
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
	}

	/** What the job does next with this delivery. */
	sealed interface Next {

		/**
		 * What the delivery's row says once the job completes: another attempt at its
		 * {@code next_attempt_at} while it is pending, nothing once it succeeded, failed
		 * for good or is gone. Read then, a redelivery asked for while the job ran is not
		 * lost.
		 */
		record AsRecorded() implements Next {
		}

		/** Not attempted, for want of a free slot: come back at this time. */
		record ComeBackAt(Instant at) implements Next {
		}

	}

	Next attempt(UUID deliveryId) {
		Optional<Delivery> found = this.deliveries.findById(deliveryId);
		if (found.isEmpty() || !"pending".equals(found.get().status())) {
			return new Next.AsRecorded();
		}
		Delivery delivery = found.get();
		Optional<WebhookRepository.Target> target = this.webhooks.target(delivery.webhookId(), this.clock.instant());
		if (target.isEmpty()) {
			return new Next.AsRecorded();
		}
		Webhook webhook = target.get().webhook();
		if (!webhook.enabled() && !Subscriptions.PING.equals(delivery.eventType())) {
			this.deliveries.abandon(deliveryId, delivery.webhookId(), "the webhook is disabled");
			return new Next.AsRecorded();
		}
		Lane lane = this.lanes.computeIfAbsent(delivery.webhookId(),
				(id) -> new Lane(this.settings.concurrencyPerWebhook()));
		if (!lane.permits.tryAcquire()) {
			// Not an attempt: come back when a slot is likely free, without
			// spending a retry.
			return new Next.ComeBackAt(
					this.clock.instant().plusMillis(lane.backoffMillis(this.settings.timeout().toMillis())));
		}
		if (!this.inFlight.tryAcquire()) {
			lane.permits.release();
			return new Next.ComeBackAt(this.clock.instant().plusMillis(100 + ThreadLocalRandom.current().nextInt(400)));
		}
		try {
			WebhookClient.Outcome outcome = send(target.get(), delivery);
			lane.took(outcome.durationMillis());
			this.transactions.executeWithoutResult((status) -> record(webhook, delivery, outcome));
			return new Next.AsRecorded();
		}
		finally {
			this.inFlight.release();
			lane.permits.release();
		}
	}

	/**
	 * One webhook's slots on this node, and how long its attempts have taken lately: a
	 * delivery that finds the slots taken waits about one attempt's time, so a fast
	 * receiver's backlog drains at once and a hanging one's is not polled in a loop.
	 */
	private static final class Lane {

		final Semaphore permits;

		private volatile double averageMillis = 100;

		Lane(int permits) {
			this.permits = new Semaphore(permits);
		}

		void took(int millis) {
			this.averageMillis = 0.8 * this.averageMillis + 0.2 * millis;
		}

		long backoffMillis(long ceiling) {
			double base = Math.clamp(this.averageMillis, 20, ceiling);
			return Math.round(base * (0.5 + ThreadLocalRandom.current().nextDouble()));
		}

	}

	private WebhookClient.Outcome send(WebhookRepository.Target target, Delivery delivery) {
		Optional<byte[]> body = this.payloads.of(delivery.eventId());
		if (body.isEmpty()) {
			return WebhookClient.Outcome.unanswered("the event no longer exists", 0);
		}
		Instant now = this.clock.instant();
		String id = delivery.eventId().toString();
		long timestamp = now.getEpochSecond();
		String signatures = target.secrets()
			.stream()
			.map((secret) -> secret.sign(id, timestamp, body.get()))
			.collect(Collectors.joining(" "));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", signatures);
		return this.client.send(URI.create(target.webhook().url()), headers, body.get());
	}

	private void record(Webhook webhook, Delivery delivery, WebhookClient.Outcome outcome) {
		Instant now = this.clock.instant();
		// The webhook before the delivery, the order in which a redelivery or a change to
		// the webhook locks them: the other order deadlocks with those.
		if (this.webhooks.findForUpdate(webhook.id()).isEmpty()) {
			return; // deleted meanwhile, with its deliveries
		}
		int attempts = this.deliveries.findForUpdate(delivery.id()).map(Delivery::attempts).orElse(-1);
		if (attempts < 0) {
			return; // deleted meanwhile, with its event
		}
		if (outcome.succeeded()) {
			this.deliveries.recordAttempt(delivery.id(), webhook.id(), now, outcome, "succeeded", null);
			this.webhooks.markWorking(webhook.id(), webhook.projectId(), now);
			count("succeeded");
			return;
		}
		Optional<Instant> next = Subscriptions.PING.equals(delivery.eventType()) ? Optional.empty()
				: this.retries.next(attempts + 1, now);
		if (next.isPresent()) {
			this.deliveries.recordAttempt(delivery.id(), webhook.id(), now, outcome, "pending", next.get());
			count("retrying");
			return;
		}
		this.deliveries.recordAttempt(delivery.id(), webhook.id(), now, outcome, "failed", null);
		count("failed");
		// Sustained failure: nothing has got through since before this delivery began.
		if (!Subscriptions.PING.equals(delivery.eventType())
				&& !this.webhooks.workedSince(webhook.id(), delivery.createdAt())) {
			disable(webhook, outcome);
		}
	}

	private void disable(Webhook webhook, WebhookClient.Outcome outcome) {
		String reason = truncate("Nothing got through for " + human(this.retries.span())
				+ ", the whole retry schedule; the last attempt: " + describe(outcome), 500);
		if (!this.webhooks.disable(webhook.id(), webhook.projectId(), reason)) {
			return;
		}
		log.warn("Webhook {} of project {} disabled: {}", webhook.id(), webhook.projectId(), reason);
		// Every member reads the activity feed; the receiver's address and its error are
		// for those who manage webhooks.
		this.activity.record(new WebhookEvent.WebhookDisabled(webhook.projectId(), webhook.id()));
		for (String email : this.webhooks.adminEmails(webhook.projectId())) {
			this.mailer.send(this.mails.disabled(email, webhook, reason));
		}
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length - 1) + "…" : text;
	}

	private static String human(Duration span) {
		if (span.toHours() >= 1) {
			return span.toHours() + " hours";
		}
		return (span.toMinutes() >= 1) ? span.toMinutes() + " minutes" : span.toSeconds() + " seconds";
	}

	private static String describe(WebhookClient.Outcome outcome) {
		return (outcome.status() != null) ? "HTTP " + outcome.status() : outcome.error();
	}

	private void count(String outcome) {
		this.meters.counter("cairn.webhooks.deliveries", "outcome", outcome).increment();
	}

}
