package dev.cairn.platform;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Jobs;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge jobs delete what has expired or outstayed the trash's retention (30 days),
 * and nothing else.
 */
@WithJobs
class PurgeJobsTests extends ApiTestSupport {

	@Autowired
	private SchedulerClient scheduler;

	@Test
	void expiredRefreshAndLinkTokensAreDeletedLiveOnesKept() {
		// Signed up for real: the verification link is the live link token.
		SignedIn user = Accounts.signUp(this.client);
		long refresh = count("refresh_tokens", user.userId());
		long links = count("one_time_tokens", user.userId());
		assertThat(refresh).isPositive();
		assertThat(links).isPositive();
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
				VALUES (:id, :user, :id, :hash, now() - interval '1 minute')
				""").param("id", UUID.randomUUID()).param("user", user.userId()).param("hash", new byte[32]).update();
		this.jdbc.sql("""
				INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, expires_at)
				VALUES (:id, :user, 'password_reset', :hash, now() - interval '1 minute')
				""").param("id", UUID.randomUUID()).param("user", user.userId()).param("hash", random32()).update();

		Jobs.runNow(this.scheduler, "purge-expired-refresh-tokens");
		Jobs.runNow(this.scheduler, "purge-expired-link-tokens");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(count("refresh_tokens", user.userId())).isEqualTo(refresh);
			assertThat(count("one_time_tokens", user.userId())).isEqualTo(links);
		});
	}

	@Test
	void trashOlderThanTheRetentionIsPurgedNewerTrashIsKept() {
		SignedIn owner = this.users.signedIn();
		UUID oldProject = this.api.project(owner);
		UUID project = this.api.project(owner);
		UUID oldTask = taskId(owner, project, "Long gone");
		UUID recentTask = taskId(owner, project, "Just binned");
		UUID liveTask = taskId(owner, project, "Still here");
		this.api.task(owner, oldProject, Map.of("title", "Goes with its project"));
		for (UUID task : new UUID[] { oldTask, recentTask }) {
			this.api.call(owner, HttpMethod.DELETE, "/api/v1/tasks/" + task, null).expectStatus().isNoContent();
		}
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + oldProject, null).expectStatus().isNoContent();
		this.jdbc.sql("UPDATE tasks SET deleted_at = now() - interval '31 days' WHERE id = :id")
			.param("id", oldTask)
			.update();
		this.jdbc.sql("UPDATE projects SET deleted_at = now() - interval '31 days' WHERE id = :id")
			.param("id", oldProject)
			.update();

		Jobs.runNow(this.scheduler, "purge-trashed-tasks");
		Jobs.runNow(this.scheduler, "purge-trashed-projects");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(exists("tasks", oldTask)).isFalse();
			assertThat(exists("projects", oldProject)).isFalse();
		});
		assertThat(exists("tasks", recentTask)).isTrue();
		assertThat(exists("tasks", liveTask)).isTrue();
		assertThat(exists("projects", project)).isTrue();
	}

	@Test
	void invitationsADayPastTheirExpiryAreDeletedOthersKept() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID longExpired = invitation(project, "interval '-2 days'");
		// Answered or revoked an hour ago: it still holds back the next mail
		// to the address.
		UUID justClosed = invitation(project, "interval '-1 hour'");
		UUID pending = invitation(project, "interval '14 days'");

		Jobs.runNow(this.scheduler, "purge-expired-invitations");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(exists("project_invitations", longExpired)).isFalse());
		assertThat(exists("project_invitations", justClosed)).isTrue();
		assertThat(exists("project_invitations", pending)).isTrue();
	}

	@Test
	void aPublicationThatKeepsFailingIsMovedAsideSoTheRestRecover() {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
					                               completion_attempts)
					VALUES (:id, 'dev.cairn.gone.Listener.on(java.lang.Object)', 'java.lang.Object', '{}', now(), 'FAILED', 1000)
					""")
			.param("id", id)
			.update();

		Jobs.runNow(this.scheduler, "event-publication-recovery");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(exists("event_publication", id)).isFalse();
			assertThat(exists("event_publication_dead", id)).isTrue();
		});
	}

	private UUID invitation(UUID project, String expiresIn) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO project_invitations (id, project_id, email, role, expires_at)
				VALUES (:id, :project, :email, 'member', now() + %s)
				""".formatted(expiresIn))
			.param("id", id)
			.param("project", project)
			.param("email", Accounts.uniqueEmail())
			.update();
		return id;
	}

	private UUID taskId(SignedIn owner, UUID project, String title) {
		return UUID.fromString((String) this.api.task(owner, project, Map.of("title", title)).get("id"));
	}

	private long count(String table, UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	private boolean exists(String table, UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	private static byte[] random32() {
		byte[] bytes = new byte[32];
		new java.security.SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
