package dev.cairn.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.platform.Ids;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTests extends ApiTestSupport {

	@Test
	void onlyPeopleWhoShareAProjectAreVisibleAndWithoutTheirEmail() {
		SignedIn alice = this.users.signedIn();
		SignedIn bob = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		shareProject(alice, bob);

		get(alice, "/api/v1/users/" + bob.userId()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Test User")
			.jsonPath("$.email")
			.doesNotExist()
			.jsonPath("$.profile")
			.exists();
		get(alice, "/api/v1/users/" + alice.userId()).expectStatus().isOk();
		get(alice, "/api/v1/users/" + stranger.userId()).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("user_not_found");
		get(alice, "/api/v1/users/" + UUID.randomUUID()).expectStatus().isNotFound();
	}

	@Test
	void searchFindsVisiblePeopleByNamePageByPage() {
		SignedIn alice = this.users.signedIn();
		String tag = "Zq" + Long.toString(System.nanoTime(), 36);
		List<SignedIn> colleagues = List.of(this.users.signedIn(), this.users.signedIn(), this.users.signedIn());
		for (int i = 0; i < colleagues.size(); i++) {
			rename(colleagues.get(i), tag + " Person " + i);
		}
		shareProject(alice, colleagues.toArray(SignedIn[]::new));
		SignedIn invisible = this.users.signedIn();
		rename(invisible, tag + " Hidden");

		Map<?, ?> first = get(alice, "/api/v1/users?q=" + tag.toLowerCase() + "&limit=2").expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.LINK, "</api/v1/users\\?q=.*&limit=2&cursor=.+>; rel=\"next\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(names(first)).containsExactly(tag + " Person 0", tag + " Person 1");

		Map<?, ?> second = get(alice,
				"/api/v1/users?q=" + tag.toLowerCase() + "&limit=2&cursor=" + first.get("nextCursor"))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(names(second)).contains(tag + " Person 2").doesNotContain(tag + " Hidden");
		// The cursor is a position in that search: another text is another list.
		get(alice, "/api/v1/users?q=person&limit=2&cursor=" + first.get("nextCursor")).expectStatus().isBadRequest();
	}

	// The next link repeats the text as a form value: a space in it once made the link
	// builder throw, and the page a 500.
	@Test
	void aSearchWithASpaceLinksToItsNextPage() {
		SignedIn alice = this.users.signedIn();
		String tag = "Zs" + Long.toString(System.nanoTime(), 36);
		List<SignedIn> colleagues = List.of(this.users.signedIn(), this.users.signedIn(), this.users.signedIn());
		for (int i = 0; i < colleagues.size(); i++) {
			rename(colleagues.get(i), tag + " Person " + i);
		}
		shareProject(alice, colleagues.toArray(SignedIn[]::new));

		Map<?, ?> first = get(alice, "/api/v1/users?q=" + tag.toLowerCase() + " person&limit=2").expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.LINK,
					"</api/v1/users\\?q=" + tag.toLowerCase() + "\\+person&limit=2&cursor=.+>; rel=\"next\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(names(first)).containsExactly(tag + " Person 0", tag + " Person 1");
	}

	@Test
	void badSearchParametersAreRefused() {
		SignedIn alice = this.users.signedIn();
		get(alice, "/api/v1/users").expectStatus().isBadRequest();
		get(alice, "/api/v1/users?q=a&limit=51").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
		get(alice, "/api/v1/users?q=a&cursor=forged.cursor").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("cursor");
	}

	private void shareProject(SignedIn owner, SignedIn... others) {
		UUID project = Ids.newId();
		this.jdbc.sql("INSERT INTO projects (id, key, name) VALUES (:id, :key, 'Shared')")
			.param("id", project)
			.param("key", "U" + Long.toString(System.nanoTime(), 36).toUpperCase().substring(0, 8))
			.update();
		addMember(project, owner, "owner");
		for (SignedIn other : others) {
			addMember(project, other, "member");
		}
	}

	private void addMember(UUID project, SignedIn user, String role) {
		this.jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:p, :u, :r)")
			.param("p", project)
			.param("u", user.userId())
			.param("r", role)
			.update();
	}

	private void rename(SignedIn user, String name) {
		this.jdbc.sql("UPDATE users SET display_name = :name WHERE id = :id")
			.param("name", name)
			.param("id", user.userId())
			.update();
	}

	private RestTestClient.ResponseSpec get(SignedIn user, String path) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, user.bearer()).exchange();
	}

	private static List<Object> names(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream()
			.map((item) -> (Object) ((Map<?, ?>) item).get("displayName"))
			.toList();
	}

}
