package dev.cairn.notifications;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caller's notification preferences and in-app feed.
 */
class NotificationApiTests extends ApiTestSupport {

	private static final String PREFERENCES = "/api/v1/me/notifications";

	private static final String FEED = "/api/v1/me/notifications/feed";

	@Test
	void preferencesStartOnWithoutDigestAndChangeByMergePatch() {
		SignedIn user = this.users.signedIn();
		this.api.call(user, HttpMethod.GET, PREFERENCES, null).expectStatus().isOk().expectBody().json("""
				{"email": {"assigned": true, "commented": true, "mentioned": true, "dueSoon": true},
				 "inApp": {"assigned": true, "commented": true, "mentioned": true, "dueSoon": true},
				 "dailyDigest": false}""");
		patch(user, "{\"email\": {\"commented\": false}, \"dailyDigest\": true}").expectStatus().isOk();
		patch(user, "{\"inApp\": {\"dueSoon\": false}}").expectStatus().isOk().expectBody().json("""
				{"email": {"assigned": true, "commented": false, "mentioned": true, "dueSoon": true},
				 "inApp": {"assigned": true, "commented": true, "mentioned": true, "dueSoon": false},
				 "dailyDigest": true}""");
		patch(user, "{}").expectStatus().isOk().expectBody().jsonPath("$.email.commented").isEqualTo(false);
	}

	@Test
	void badPreferencesAreProblemsAndChangeNothing() {
		SignedIn user = this.users.signedIn();
		patch(user, "{\"email\": {\"commented\": false}}").expectStatus().isOk();
		for (String[] bad : new String[][] { { "{\"email\": {\"comented\": false}}", "email.comented" },
				{ "{\"sms\": {\"assigned\": true}}", "sms" },
				{ "{\"email\": {\"assigned\": \"yes\"}}", "email.assigned" },
				{ "{\"email\": {\"assigned\": null}}", "email.assigned" }, { "{\"email\": null}", "email" },
				{ "{\"email\": true}", "email" }, { "{\"dailyDigest\": 1}", "dailyDigest" },
				{ "{\"dailyDigest\": true, \"inApp\": {\"mentioned\": 0}}", "inApp.mentioned" }, { "[]", "" } }) {
			patch(user, bad[0]).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("validation_failed")
				.jsonPath("$.errors[0].field")
				.isEqualTo(bad[1]);
		}
		patch(user, "{\"email\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("malformed_request");
		this.api.call(user, HttpMethod.GET, PREFERENCES, null)
			.expectBody()
			.jsonPath("$.email.commented")
			.isEqualTo(false)
			.jsonPath("$.dailyDigest")
			.isEqualTo(false)
			.jsonPath("$.inApp.mentioned")
			.isEqualTo(true);
	}

	@Test
	void theFeedPagesNewestFirstAndIsReadOneByOneOrAllAtOnce() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		Map<?, ?> task = this.api.task(owner, project,
				Map.of("title", "Busy task", "assigneeId", member.userId().toString()));
		for (int i = 1; i <= 4; i++) {
			this.api
				.call(owner, HttpMethod.POST, "/api/v1/tasks/" + task.get("id") + "/comments",
						Map.of("body", "Comment " + i))
				.expectStatus()
				.isCreated();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> Api.values(this.api.page(member, FEED), "id").size() == 5);

		Map<?, ?> first = this.api.page(member, FEED + "?limit=3");
		Map<?, ?> second = this.api.page(member, FEED + "?limit=3&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(first, "excerpt")).containsExactly("Comment 4", "Comment 3", "Comment 2");
		assertThat(Api.values(second, "kind")).containsExactly("commented", "assigned");
		assertThat(second.get("nextCursor")).isNull();
		Map<?, ?> newest = (Map<?, ?>) ((List<?>) first.get("items")).get(0);
		assertThat(newest.get("taskKey")).isEqualTo(task.get("key"));
		assertThat(newest.get("taskTitle")).isEqualTo("Busy task");
		assertThat(newest.get("actorId")).isEqualTo(owner.userId().toString());
		assertThat(newest.get("actorName")).isEqualTo("Test User");
		assertThat(newest.get("readAt")).isNull();
		// The next link is the request again, with the parameters as sent.
		this.api.call(member, HttpMethod.GET, FEED + "?unread=false&limit=3", null)
			.expectHeader()
			.valueMatches(HttpHeaders.LINK,
					"</api/v1/me/notifications/feed\\?unread=false&limit=3&cursor=.+>; rel=\"next\"");
		this.api.call(member, HttpMethod.GET, FEED + "?limit=3", null)
			.expectHeader()
			.valueMatches(HttpHeaders.LINK, "</api/v1/me/notifications/feed\\?limit=3&cursor=.+>; rel=\"next\"");

		this.api.call(member, HttpMethod.POST, FEED + "/" + newest.get("id") + "/read", null)
			.expectStatus()
			.isNoContent();
		this.api.call(member, HttpMethod.POST, FEED + "/" + newest.get("id") + "/read", null)
			.expectStatus()
			.isNoContent();
		assertThat(Api.values(this.api.page(member, FEED + "?unread=true"), "excerpt")).hasSize(4)
			.doesNotContain("Comment 4");
		assertThat(Api.values(this.api.page(member, FEED), "readAt").get(0)).isNotNull();
		// A cursor of one list is no position in the other.
		this.api.call(member, HttpMethod.GET, FEED + "?unread=true&cursor=" + first.get("nextCursor"), null)
			.expectStatus()
			.isBadRequest();

		this.api.call(member, HttpMethod.POST, FEED + "/read-all", null).expectStatus().isNoContent();
		assertThat(Api.values(this.api.page(member, FEED + "?unread=true"), "id")).isEmpty();
		assertThat(Api.values(this.api.page(member, FEED), "id")).hasSize(5);
	}

	@Test
	void everyoneSeesAndReadsOnlyTheirOwnNotifications() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn other = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		this.api.addMember(project, other, "member");
		this.api.task(owner, project, Map.of("title", "For member", "assigneeId", member.userId().toString()));
		String id = (String) await().atMost(Duration.ofSeconds(15))
			.until(() -> Api.values(this.api.page(member, FEED), "id"), (ids) -> ids.size() == 1)
			.get(0);

		assertThat(Api.values(this.api.page(other, FEED), "id")).isEmpty();
		assertThat(Api.values(this.api.page(owner, FEED), "id")).isEmpty();
		this.api.call(other, HttpMethod.POST, FEED + "/" + id + "/read", null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("notification_not_found");
		this.api.call(other, HttpMethod.POST, FEED + "/read-all", null).expectStatus().isNoContent();
		assertThat(Api.values(this.api.page(member, FEED + "?unread=true"), "id")).containsExactly(id);

		// One who leaves the project no longer reads its task titles in their feed.
		this.api.call(member, HttpMethod.DELETE, "/api/v1/projects/" + project + "/members/" + member.userId(), null)
			.expectStatus()
			.isNoContent();
		assertThat(Api.values(this.api.page(member, FEED), "id")).isEmpty();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec patch(SignedIn user, String body) {
		return this.client.patch()
			.uri(PREFERENCES)
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(body)
			.exchange();
	}

}
