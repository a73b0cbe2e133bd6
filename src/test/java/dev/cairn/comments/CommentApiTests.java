package dev.cairn.comments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommentApiTests extends ApiTestSupport {

	@Test
	void membersDiscussATaskAndPageThroughTheThreadOldestFirst() {
		Fixture f = fixture();
		for (String text : List.of("First!", "Second thought", "Third time")) {
			this.api.call(f.member, HttpMethod.POST, comments(f.task), Map.of("body", text))
				.expectStatus()
				.isCreated()
				.expectHeader()
				.valueMatches(HttpHeaders.LOCATION, "/api/v1/comments/[0-9a-f-]{36}");
		}
		Map<?, ?> first = this.api.page(f.viewer, comments(f.task) + "?limit=2");
		Map<?, ?> second = this.api.page(f.viewer, comments(f.task) + "?limit=2&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(first, "body")).containsExactly("First!", "Second thought");
		assertThat(Api.values(second, "body")).containsExactly("Third time");
		this.api.call(f.viewer, HttpMethod.POST, comments(f.task), Map.of("body", "Me too"))
			.expectStatus()
			.isForbidden();
		this.api.call(f.stranger, HttpMethod.GET, comments(f.task), null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("task_not_found");
		this.api.call(f.member, HttpMethod.POST, comments(f.task), Map.of("body", "   ")).expectStatus().isBadRequest();
	}

	@Test
	void onlyTheAuthorEditsAndTheAuthorOrAnAdminDeletes() {
		Fixture f = fixture();
		String comment = comment(f.member, f.task, Map.of("body", "Typo hier"));

		edit(f.owner, comment, null, "Not mine").expectStatus().isForbidden();
		edit(f.member, comment, "\"9\"", "Stale").expectStatus().isEqualTo(412);
		edit(f.member, comment, "\"1\"", "Typo here").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.body")
			.isEqualTo("Typo here")
			.jsonPath("$.editedAt")
			.isNotEmpty();

		String other = comment(f.member, f.task, Map.of("body", "Spam"));
		this.api.call(f.viewer, HttpMethod.DELETE, "/api/v1/comments/" + other, null).expectStatus().isForbidden();
		this.api.call(f.stranger, HttpMethod.DELETE, "/api/v1/comments/" + other, null).expectStatus().isNotFound();
		this.api.call(f.owner, HttpMethod.DELETE, "/api/v1/comments/" + other, null).expectStatus().isNoContent();
		this.api.call(f.member, HttpMethod.DELETE, "/api/v1/comments/" + comment, null).expectStatus().isNoContent();
		assertThat(Api.values(this.api.page(f.member, comments(f.task)), "body")).isEmpty();
	}

	@Test
	void aDeletedCommentsTextLeavesTheActivityAndTheNotificationsThatQuotedIt() {
		Fixture f = fixture();
		String secret = comment(f.member, f.task, Map.of("body", "The password is hunter2"));
		edit(f.member, secret, "\"1\"", "The password is hunter3").expectStatus().isOk();
		this.api.call(f.member, HttpMethod.POST, comments(f.task), Map.of("body", "Keep me"))
			.expectStatus()
			.isCreated();
		// The owner reported the task, so hears of the comment, quoted.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> Api.values(this.api.page(f.owner, FEED), "excerpt").contains("The password is hunter2"));

		this.api.call(f.member, HttpMethod.DELETE, "/api/v1/comments/" + secret, null).expectStatus().isNoContent();

		Map<?, ?> page = this.api.page(f.viewer, "/api/v1/tasks/" + f.task + "/activity");
		assertThat(Api.values(page, "type")).containsExactly("comment.deleted", "comment.created", "comment.updated",
				"comment.created", "task.created");
		List<?> activity = (List<?>) page.get("items");
		for (Object entry : activity) {
			Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) entry).get("data");
			if (data.get("after") instanceof Map<?, ?> after && secret.equals(after.get("commentId"))) {
				assertThat(data.get("redacted")).isEqualTo(true);
				assertThat(after.get("body")).isNull();
			}
		}
		assertThat(activity.toString()).doesNotContain("hunter").contains("Keep me");
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE task_id = :task AND data::text LIKE '%hunter%'")
			.param("task", UUID.fromString(f.task))
			.query(Long.class)
			.single()).isZero();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.api.page(f.owner, FEED).toString()).doesNotContain("hunter")
				.contains("Keep me"));
		assertThat(Api.values(this.api.page(f.owner, FEED), "kind")).contains("commented");
	}

	private Fixture fixture() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		this.api.addMember(project, viewer, "viewer");
		String task = (String) this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", Map.of("title", "Discuss me"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		return new Fixture(owner, member, viewer, stranger, task);
	}

	private RestTestClient.ResponseSpec edit(SignedIn user, String comment, String ifMatch, String body) {
		RestTestClient.RequestBodySpec request = this.client.patch()
			.uri("/api/v1/comments/" + comment)
			.header(HttpHeaders.AUTHORIZATION, user.bearer());
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(Map.of("body", body)).exchange();
	}

	private static final String FEED = "/api/v1/me/notifications/feed";

	private String comment(SignedIn author, String task, Map<String, String> body) {
		return (String) this.api.created(author, comments(task), body).get("id");
	}

	private static String comments(String task) {
		return "/api/v1/tasks/" + task + "/comments";
	}

	private record Fixture(SignedIn owner, SignedIn member, SignedIn viewer, SignedIn stranger, String task) {
	}

}
