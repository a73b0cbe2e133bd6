package dev.cairn.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class MemberApiTests extends ApiTestSupport {

	@Test
	void membersJoinByInvitationOrByIdAndEveryMemberSeesTheList() {
		SignedIn owner = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		SignedIn dave = this.users.signedIn();
		UUID project = this.api.project(owner);
		// Dave works with the owner elsewhere already.
		this.api.addMember(this.api.project(owner), dave, "member");

		this.api.join(owner, project, carol, "member");
		this.api
			.call(owner, HttpMethod.POST, members(project),
					Map.of("userId", dave.userId().toString(), "role", "viewer"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, members(project) + "/" + dave.userId())
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("viewer");

		Map<?, ?> first = this.api.call(dave, HttpMethod.GET, members(project) + "?limit=2", null)
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> second = this.api
			.call(dave, HttpMethod.GET, members(project) + "?limit=2&cursor=" + first.get("nextCursor"), null)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(((List<?>) first.get("items")).size() + ((List<?>) second.get("items")).size()).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE project_id = :p AND type = 'member.added'")
			.param("p", project)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void addingByIdWorksOnlyForPeopleWhoShareALiveProjectWithTheCaller() {
		SignedIn owner = this.users.signedIn();
		SignedIn colleague = this.users.signedIn();
		SignedIn formerColleague = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(this.api.project(owner), colleague, "viewer");
		UUID trashed = this.api.project(owner);
		this.api.addMember(trashed, formerColleague, "member");
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + trashed, null).expectStatus().isNoContent();

		Map<String, Object> unknown = refusedAddition(owner, project, UUID.randomUUID());
		for (SignedIn outsider : List.of(stranger, formerColleague)) {
			Map<String, Object> refused = refusedAddition(owner, project, outsider.userId());
			assertThat(refused).as("the same answer as for an id without an account")
				.containsEntry("code", "user_not_found")
				.containsEntry("title", unknown.get("title"))
				.containsEntry("detail", unknown.get("detail"))
				.containsOnlyKeys(unknown.keySet());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM project_members WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single()).as("only the owner").isOne();

		this.api
			.call(owner, HttpMethod.POST, members(project),
					Map.of("userId", colleague.userId().toString(), "role", "member"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(colleague.userId().toString());
	}

	@Test
	void badAdditionsAreRefused() {
		SignedIn owner = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(this.api.project(owner), carol, "member");
		this.api
			.call(owner, HttpMethod.POST, members(project),
					Map.of("email", carol.email(), "userId", carol.userId().toString(), "role", "member"))
			.expectStatus()
			.isBadRequest();
		this.api.call(owner, HttpMethod.POST, members(project), Map.of("role", "member")).expectStatus().isBadRequest();
		this.api
			.call(owner, HttpMethod.POST, members(project), Map.of("userId", carol.userId().toString(), "role", "god"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("role");
		this.api.call(owner, HttpMethod.POST, members(project), Map.of("userId", "carol", "role", "member"))
			.expectStatus()
			.isBadRequest();
		this.api
			.call(owner, HttpMethod.POST, members(project),
					Map.of("userId", carol.userId().toString(), "role", "member"))
			.expectStatus()
			.isCreated();
		this.api
			.call(owner, HttpMethod.POST, members(project),
					Map.of("userId", carol.userId().toString(), "role", "admin"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("already_member");
	}

	@Test
	void adminsManageMembersButNotOwners() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		UUID project = this.api.project(owner);
		add(owner, project, admin, "admin");

		this.api
			.call(admin, HttpMethod.POST, members(project),
					Map.of("userId", carol.userId().toString(), "role", "owner"))
			.expectStatus()
			.isForbidden();
		add(admin, project, carol, "member");
		this.api.call(admin, HttpMethod.PATCH, members(project) + "/" + carol.userId(), Map.of("role", "viewer"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("viewer");
		this.api.call(admin, HttpMethod.PATCH, members(project) + "/" + owner.userId(), Map.of("role", "member"))
			.expectStatus()
			.isForbidden();
		this.api.call(admin, HttpMethod.DELETE, members(project) + "/" + owner.userId(), null)
			.expectStatus()
			.isForbidden();
		this.api.call(carol, HttpMethod.DELETE, members(project) + "/" + admin.userId(), null)
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theLastOwnerCannotLeaveOrBeDemotedButMembersMayLeave() {
		SignedIn owner = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		UUID project = this.api.project(owner);
		add(owner, project, carol, "member");

		this.api.call(owner, HttpMethod.DELETE, members(project) + "/" + owner.userId(), null)
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("last_owner");
		this.api.call(owner, HttpMethod.PATCH, members(project) + "/" + owner.userId(), Map.of("role", "admin"))
			.expectStatus()
			.isEqualTo(422);

		this.api.call(owner, HttpMethod.PATCH, members(project) + "/" + carol.userId(), Map.of("role", "owner"))
			.expectStatus()
			.isOk();
		this.api.call(owner, HttpMethod.DELETE, members(project) + "/" + owner.userId(), null)
			.expectStatus()
			.isNoContent();
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project, null).expectStatus().isNotFound();
	}

	@Test
	void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
		SignedIn first = this.users.signedIn();
		SignedIn second = this.users.signedIn();
		UUID project = this.api.project(first);
		add(first, project, second, "owner");
		CountDownLatch start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (SignedIn[] pair : List.of(new SignedIn[] { first, second }, new SignedIn[] { second, first })) {
				results.add(pool.submit(() -> {
					start.await();
					return this.api.call(pair[0], HttpMethod.DELETE, members(project) + "/" + pair[0].userId(), null)
						.returnResult(String.class)
						.getStatus()
						.value();
				}));
			}
			start.countDown();
			List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
			assertThat(statuses).containsExactlyInAnyOrder(204, 422);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM project_members WHERE project_id = :p AND role = 'owner'")
			.param("p", project)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void strangersLearnNothingAboutMembers() {
		SignedIn owner = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.call(stranger, HttpMethod.GET, members(project), null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_not_found");
		this.api.call(stranger, HttpMethod.PATCH, members(project) + "/" + owner.userId(), Map.of("role", "viewer"))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_not_found");
		this.api.call(stranger, HttpMethod.DELETE, members(project) + "/" + UUID.randomUUID(), null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_not_found");
	}

	private void add(SignedIn by, UUID project, SignedIn who, String role) {
		this.api.join(by, project, who, role);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> refusedAddition(SignedIn by, UUID project, UUID userId) {
		return (Map<String, Object>) this.api
			.call(by, HttpMethod.POST, members(project), Map.of("userId", userId.toString(), "role", "member"))
			.expectStatus()
			.isNotFound()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static String members(UUID project) {
		return "/api/v1/projects/" + project + "/members";
	}

}
