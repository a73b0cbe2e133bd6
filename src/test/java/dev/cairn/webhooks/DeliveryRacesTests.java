package dev.cairn.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A redelivery racing the job that attempts the same delivery. The receiver holds its
 * answer until the test lets it go, so the test steps in while an attempt is in flight; a
 * connection of the test's own holds a lock where the race would go wrong.
 */
@WithJobs
class DeliveryRacesTests extends ApiTestSupport {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private DeliveryRepository deliveries;

	@Test
	void aRedeliveryAskedForAsTheJobEndsIsSent() throws Exception {
		try (Receiver receiver = Receiver.start().holding()) {
			SignedIn owner = this.users.signedIn();
			String base = "/api/v1/webhooks/" + webhook(owner, receiver);
			String delivery = ping(owner, base);
			awaitRequests(receiver, 1);
			CompletableFuture<Integer> redelivered;
			try (Connection hold = this.dataSource.getConnection()) {
				hold.setAutoCommit(false);
				// The job's own row, held: the attempt, answered, is recorded, but the
				// job cannot end.
				assertThat(rows(hold, """
						SELECT 1 FROM scheduled_tasks
						WHERE task_name = 'webhook-delivery' AND task_instance = ? FOR UPDATE
						""", delivery)).isEqualTo(1);
				receiver.letGo();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> "succeeded".equals(status(UUID.fromString(delivery))));
				redelivered = CompletableFuture.supplyAsync(() -> this.api
					.call(owner, HttpMethod.POST, base + "/deliveries/" + delivery + "/redeliver", null)
					.returnResult(String.class)
					.getStatus()
					.value());
				// Answered at once (it found the job running and left the delivery to
				// it), or waiting for the ending job to let go of the delivery.
				await().atMost(Duration.ofSeconds(10))
					.until(() -> redelivered.isDone() || waitingOn("UPDATE webhook_deliveries SET status = 'pending'"));
				hold.rollback();
			}
			assertThat(redelivered.get(10, TimeUnit.SECONDS)).isEqualTo(202);
			assertThat(awaitRequests(receiver, 2)).extracting(Receiver.Request::id)
				.containsOnly(receiver.received().get(0).id());
		}
	}

	@Test
	void anAttemptIsRecordedInTheLockOrderOfARedelivery() throws Exception {
		try (Receiver receiver = Receiver.start().holding()) {
			SignedIn owner = this.users.signedIn();
			String webhook = webhook(owner, receiver);
			String delivery = ping(owner, "/api/v1/webhooks/" + webhook);
			awaitRequests(receiver, 1);
			try (Connection hold = this.dataSource.getConnection()) {
				hold.setAutoCommit(false);
				// As a redelivery does: the webhook first, while the job, its attempt
				// answered, comes to record it...
				assertThat(rows(hold, "SELECT 1 FROM webhooks WHERE id = ?::uuid FOR NO KEY UPDATE", webhook))
					.isEqualTo(1);
				receiver.letGo();
				int pid = single(hold, "SELECT pg_backend_pid()");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.jdbc
						.sql("SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))")
						.param("pid", pid)
						.query(Long.class)
						.single() > 0);
				// ...then the delivery, which a job holding it while it waits for the
				// webhook would turn into a deadlock.
				rows(hold, "SET LOCAL lock_timeout = '5s'");
				assertThat(rows(hold,
						"UPDATE webhook_deliveries SET next_attempt_at = next_attempt_at WHERE id = ?::uuid", delivery))
					.isEqualTo(1);
				hold.commit();
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<?, ?> row = this.jdbc.sql("SELECT status, attempts FROM webhook_deliveries WHERE id = :id")
					.param("id", UUID.fromString(delivery))
					.query()
					.singleRow();
				assertThat(row.get("status")).isEqualTo("succeeded");
				assertThat(row.get("attempts")).isEqualTo(1);
			});
		}
	}

	@Test
	void aDeliveryIsGivenUpOnlyWhileItsWebhookIsOff() {
		try (Receiver receiver = Receiver.start().holding()) {
			SignedIn owner = this.users.signedIn();
			String webhook = webhook(owner, receiver);
			UUID delivery = UUID.fromString(ping(owner, "/api/v1/webhooks/" + webhook));
			awaitRequests(receiver, 1);
			// A job that read the webhook as off, before it was turned on again (and the
			// delivery perhaps redelivered), comes to give the delivery up.
			this.deliveries.abandon(delivery, UUID.fromString(webhook), "the webhook is disabled");
			assertThat(status(delivery)).isEqualTo("pending");
			receiver.letGo();
			await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(status(delivery)));

			this.jdbc.sql("UPDATE webhooks SET enabled = false WHERE id = :id")
				.param("id", UUID.fromString(webhook))
				.update();
			this.jdbc.sql("UPDATE webhook_deliveries SET status = 'pending' WHERE id = :id")
				.param("id", delivery)
				.update();
			this.deliveries.abandon(delivery, UUID.fromString(webhook), "the webhook is disabled");
			assertThat(status(delivery)).isEqualTo("failed");
		}
	}

	private String status(UUID delivery) {
		return this.jdbc.sql("SELECT status FROM webhook_deliveries WHERE id = :id")
			.param("id", delivery)
			.query(String.class)
			.single();
	}

	private String webhook(SignedIn owner, Receiver receiver) {
		UUID project = this.api.project(owner);
		return (String) this.api
			.created(owner, WebhookApiTests.webhooks(project), Map.of("url", receiver.url(), "events", List.of("*")))
			.get("id");
	}

	private String ping(SignedIn owner, String base) {
		return (String) this.api.accepted(owner, base + "/ping", null).get("id");
	}

	private boolean waitingOn(String statement) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND position(:statement IN query) > 0
					""")
			.param("statement", statement)
			.query(Long.class)
			.single() > 0;
	}

	private static int rows(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			if (!statement.execute()) {
				return statement.getUpdateCount();
			}
			int rows = 0;
			try (ResultSet result = statement.getResultSet()) {
				while (result.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static int single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	private static List<Receiver.Request> awaitRequests(Receiver receiver, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= count);
		return receiver.received();
	}

}
