package dev.cairn.webhooks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookApiTests extends ApiTestSupport {

	private static final String RECEIVER = "http://127.0.0.1:9/hooks";

	@Test
	void adminsRegisterAWebhookAndSeeItsSecretOnce() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> created = create(owner, project,
				Map.of("url", RECEIVER, "events", List.of("task.*", "comment.created")));
		String secret = (String) created.get("secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(created.get("enabled")).isEqualTo(true);
		assertThat(created.get("events")).isEqualTo(List.of("task.*", "comment.created"));

		Map<?, ?> read = this.api.call(owner, HttpMethod.GET, "/api/v1/webhooks/" + created.get("id"), null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("ETag")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(read.containsKey("secret")).isFalse();
		assertThat(Api.values(this.api.page(owner, webhooks(project)), "id")).containsExactly(created.get("id"));
		String stored = this.jdbc.sql("SELECT secret FROM webhooks WHERE id = :id")
			.param("id", UUID.fromString((String) created.get("id")))
			.query(String.class)
			.single();
		assertThat(stored).as("sealed at rest").doesNotContain(secret.substring(6));
	}

	@Test
	void aClientMayBringItsOwnWellFormedSecret() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String mine = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		assertThat(
				create(owner, project, Map.of("url", RECEIVER, "events", List.of("*"), "secret", mine)).get("secret"))
			.isEqualTo(mine);
		Api.expectProblem(this.api
			.call(owner, HttpMethod.POST, webhooks(project),
					Map.of("url", RECEIVER, "events", List.of("*"), "secret", "whsec_short"))
			.expectBody()
			.returnResult(), 400, "validation_failed");
	}

	@Test
	void onlyAdminsAndOwnersManageWebhooksAndStrangersLearnNothing() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, admin, "admin");
		this.api.addMember(project, member, "member");
		Map<?, ?> webhook = create(admin, project, Map.of("url", RECEIVER, "events", List.of("*")));
		String path = "/api/v1/webhooks/" + webhook.get("id");

		Api.expectProblem(this.api.call(member, HttpMethod.GET, path, null).expectBody().returnResult(), 403,
				"role_forbids");
		Api.expectProblem(this.api.call(member, HttpMethod.GET, webhooks(project), null).expectBody().returnResult(),
				403, "role_forbids");
		Api.expectProblem(this.api.call(stranger, HttpMethod.GET, path, null).expectBody().returnResult(), 404,
				"webhook_not_found");
		Api.expectProblem(this.api.call(stranger, HttpMethod.POST, path + "/ping", null).expectBody().returnResult(),
				404, "webhook_not_found");
		Api.expectProblem(this.api.call(stranger, HttpMethod.DELETE, path, null).expectBody().returnResult(), 404,
				"webhook_not_found");
		this.api.call(owner, HttpMethod.DELETE, path, null).expectStatus().isNoContent();
		this.api.call(owner, HttpMethod.GET, path, null).expectStatus().isNotFound();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/hooks", "http://169.254.169.254/latest/meta-data/",
			"http://127.0.0.2:8080/", "http://[::1]/", "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/",
			"http://192.168.1.20/", "http://100.100.100.200/", "ftp://example.com/", "file:///etc/passwd",
			"http://user:pass@127.0.0.1/", "http://127.0.0.1/#x", "https://no-such-host.invalid/", "not a url" })
	void registrationRefusesUrlsWebhooksMayNotReach(String url) {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Api.expectProblem(
				this.api.call(owner, HttpMethod.POST, webhooks(project), Map.of("url", url, "events", List.of("*")))
					.expectBody()
					.returnResult(),
				422, "webhook_url_refused");
		assertThat(count(project)).isZero();
	}

	@Test
	void eventTypesMustBeKnown() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (List<String> events : List.of(List.of("task.exploded"), List.of("nothing.*"), List.<String>of(),
				List.of("webhook.disabled"))) {
			this.api.call(owner, HttpMethod.POST, webhooks(project), Map.of("url", RECEIVER, "events", events))
				.expectStatus()
				.isBadRequest();
		}
		assertThat(count(project)).isZero();
	}

	@Test
	void patchChangesUrlEventsAndStateWithOptimisticLocking() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> webhook = create(owner, project, Map.of("url", RECEIVER, "events", List.of("*")));
		String path = "/api/v1/webhooks/" + webhook.get("id");
		Map<?, ?> patched = this.api
			.call(owner, HttpMethod.PATCH, path,
					Map.of("events", List.of("task.created"), "enabled", false, "url", "http://127.0.0.1:10/other"))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(patched.get("events")).isEqualTo(List.of("task.created"));
		assertThat(patched.get("enabled")).isEqualTo(false);
		assertThat(patched.get("url")).isEqualTo("http://127.0.0.1:10/other");

		this.client.patch()
			.uri(path)
			.header("Authorization", owner.bearer())
			.header("If-Match", "\"1\"")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", true))
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		Api.expectProblem(this.api.call(owner, HttpMethod.PATCH, path, Map.of("url", "http://10.1.1.1/"))
			.expectBody()
			.returnResult(), 422, "webhook_url_refused");
		Api.expectProblem(
				this.api.call(owner, HttpMethod.PATCH, path, Map.of("secret", "whsec_x")).expectBody().returnResult(),
				400, "validation_failed");
		this.api.call(owner, HttpMethod.PATCH, path, Map.of("enabled", "yes")).expectStatus().isBadRequest();
	}

	@Test
	void aProjectHasAtMostTwentyWebhooks() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (int i = 0; i < 20; i++) {
			create(owner, project, Map.of("url", RECEIVER, "events", List.of("*")));
		}
		Api.expectProblem(this.api
			.call(owner, HttpMethod.POST, webhooks(project), Map.of("url", RECEIVER, "events", List.of("*")))
			.expectBody()
			.returnResult(), 422, "too_many");
	}

	private Map<?, ?> create(SignedIn user, UUID project, Map<String, ?> body) {
		return this.api.call(user, HttpMethod.POST, webhooks(project), body)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private long count(UUID project) {
		return this.jdbc.sql("SELECT count(*) FROM webhooks WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single();
	}

	static String webhooks(UUID project) {
		return "/api/v1/projects/" + project + "/webhooks";
	}

}
