package dev.cairn.webhooks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The delivery queue's depth, {@code cairn.webhooks.pending}: deliveries waiting for an
 * attempt or a retry, on every node (read from the database when scraped, through the
 * partial index on pending deliveries). Outcomes are counted where attempts are recorded
 * ({@code cairn.webhooks.deliveries}).
 */
@Component
class WebhookMetrics {

	WebhookMetrics(MeterRegistry meters, DeliveryRepository deliveries) {
		Gauge.builder("cairn.webhooks.pending", deliveries, DeliveryRepository::countPending)
			.description("Webhook deliveries waiting for an attempt or a retry")
			.register(meters);
	}

}
