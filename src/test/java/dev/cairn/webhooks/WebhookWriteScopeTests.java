package dev.cairn.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write on a webhook reached by its id carries the project the caller was authorized
 * for: given another project, it touches nothing.
 */
class WebhookWriteScopeTests extends ApiTestSupport {

	@Autowired
	private WebhookRepository webhooks;

	@Autowired
	private DeliveryRepository deliveries;

	@Test
	void aWriteScopedToAnotherProjectChangesNothing() {
		SignedIn owner = Accounts.signUp(this.client);
		UUID project = this.api.project(owner);
		UUID other = this.api.project(owner);
		UUID id = UUID.fromString(
				(String) this.api
					.created(owner, WebhookApiTests.webhooks(project),
							Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("*")))
					.get("id"));
		String before = row(id);

		this.webhooks.update(id, other, "http://127.0.0.1:9/elsewhere", List.of("task.created"), false);
		this.webhooks.rotate(id, other, WebhookSecret.generate(), Instant.now());
		this.webhooks.markWorking(id, other, Instant.now());
		assertThat(this.webhooks.disable(id, other, "no")).isFalse();
		this.webhooks.delete(id, other);

		assertThat(row(id)).isEqualTo(before);
	}

	@Test
	void aRedeliveryScopedToAnotherProjectChangesNothing() {
		SignedIn owner = Accounts.signUp(this.client);
		UUID project = this.api.project(owner);
		UUID other = this.api.project(owner);
		String webhook = (String) this.api
			.created(owner, WebhookApiTests.webhooks(project),
					Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("*")))
			.get("id");
		UUID delivery = UUID
			.fromString((String) this.api.accepted(owner, "/api/v1/webhooks/" + webhook + "/ping", null).get("id"));
		this.jdbc.sql("UPDATE webhook_deliveries SET status = 'failed', attempts = 1 WHERE id = :id")
			.param("id", delivery)
			.update();

		this.deliveries.restart(delivery, UUID.fromString(webhook), other);
		this.deliveries.restart(delivery, UUID.randomUUID(), project);

		assertThat(this.jdbc.sql("SELECT status FROM webhook_deliveries WHERE id = :id")
			.param("id", delivery)
			.query(String.class)
			.single()).isEqualTo("failed");
	}

	/** The whole row as text: every column, compared at once. */
	private String row(UUID id) {
		return this.jdbc.sql("SELECT w::text FROM webhooks w WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
