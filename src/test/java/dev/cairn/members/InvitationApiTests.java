package dev.cairn.members;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.MailApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Invitations by email (issue 16): inviting tells the inviter nothing about who has an
 * account and adds nobody; the owner of the address, signed in with it verified, accepts
 * or declines; admins see and revoke what is pending. Mail through a real SMTP server.
 */
class InvitationApiTests extends MailApiTestSupport {

	private static final String SUBJECT = "You are invited to ";

	// Differ by the request (and the body's length, which follows the typed address).
	private static final Set<String> VARYING_HEADERS = Set.of("X-Request-Id", "RateLimit-Remaining", "RateLimit-Reset",
			"Content-Length", "Date");

	@Test
	void invitingAnswersTheSameForAnAccountAnUnknownAddressAMemberAndAnInvitee() {
		SignedIn owner = this.users.signedIn();
		SignedIn account = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");

		List<EntityExchangeResult<Map>> answers = List.of(invite(owner, project, account.email(), "member"),
				invite(owner, project, Accounts.uniqueEmail(), "member"),
				invite(owner, project, member.email(), "member"),
				invite(owner, project, account.email().toUpperCase(), "member"));

		EntityExchangeResult<Map> first = answers.get(0);
		for (EntityExchangeResult<Map> answer : answers) {
			assertThat(answer.getStatus().value()).isEqualTo(202);
			assertThat(stableHeaders(answer)).isEqualTo(stableHeaders(first));
			assertThat(answer.getResponseHeaders().getLocation()).isNull();
			Map<String, Object> body = json(answer.getResponseBody());
			assertThat(body).containsOnlyKeys("id", "email", "role", "invitedBy", "createdAt", "expiresAt")
				.containsEntry("role", "member")
				.containsEntry("invitedBy", Map.of("userId", owner.userId().toString(), "displayName", "Test User"));
			assertThat(Instant.parse((String) body.get("expiresAt"))).isCloseTo(Instant.now().plus(Duration.ofDays(14)),
					within(Duration.ofMinutes(1)));
		}
		assertThat(json(answers.get(3).getResponseBody())).as("invited again: the same invitation")
			.containsEntry("id", first.getResponseBody().get("id"))
			.containsEntry("email", account.email());
		assertThat(memberCount(project)).as("the owner and the member added before").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE project_id = :p AND type = 'member.added'")
			.param("p", project)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void membershipBeginsOnlyWhenTheInviteeAccepts() {
		SignedIn owner = this.users.signedIn();
		SignedIn invitee = this.users.signedIn();
		this.api.verifyEmail(invitee);
		UUID project = this.api.project(owner);
		String id = invitationId(invite(owner, project, invitee.email().toUpperCase(), "admin"));

		this.api.call(invitee, HttpMethod.GET, "/api/v1/projects/" + project, null).expectStatus().isNotFound();
		Map<?, ?> mine = this.api.page(invitee, "/api/v1/me/invitations");
		assertThat((List<?>) mine.get("items")).singleElement().satisfies((item) -> {
			Map<String, Object> invitation = json((Map<?, ?>) item);
			assertThat(invitation).containsEntry("id", id)
				.containsEntry("role", "admin")
				.containsEntry("invitedBy", Map.of("userId", owner.userId().toString(), "displayName", "Test User"))
				.containsKeys("createdAt", "expiresAt");
			assertThat(json((Map<?, ?>) invitation.get("project"))).containsEntry("id", project.toString())
				.containsEntry("name", "Test project")
				.containsKey("key");
		});

		this.api.call(invitee, HttpMethod.POST, accept(id), null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(invitee.userId().toString())
			.jsonPath("$.role")
			.isEqualTo("admin");

		this.api.call(invitee, HttpMethod.GET, "/api/v1/projects/" + project, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("admin");
		Map<String, Object> event = this.jdbc.sql("""
				SELECT actor_id, data ->> 'invitedBy' AS invited_by, data -> 'after' ->> 'userId' AS user_id,
				       data -> 'after' ->> 'role' AS role
				FROM events WHERE project_id = :p AND type = 'member.added'
				""").param("p", project).query().singleRow();
		assertThat(event).containsEntry("actor_id", invitee.userId())
			.containsEntry("invited_by", owner.userId().toString())
			.containsEntry("user_id", invitee.userId().toString())
			.containsEntry("role", "admin");
		assertThat((List<?>) this.api.page(invitee, "/api/v1/me/invitations").get("items")).isEmpty();
		assertThat((List<?>) this.api.page(owner, invitations(project)).get("items")).isEmpty();
		expectNoInvitation(invitee, accept(id));
		expectNoInvitation(invitee, decline(id));
	}

	@Test
	void theMailLinksToTheInvitationsPageAndTellsNewcomersToRegisterFirst() throws Exception {
		SignedIn owner = this.users.signedIn();
		String key = Api.uniqueProjectKey();
		UUID project = UUID.fromString(
				(String) this.api.created(owner, "/api/v1/projects", Map.of("key", key, "name", "Launch <b>&</b> co"))
					.get("id"));
		String email = Accounts.uniqueEmail();

		invite(owner, project, email.toUpperCase(), "viewer");

		Message mail = awaitMail(email, SUBJECT + key + " on Cairn");
		assertThat(text(mail))
			.contains("Test User invited you to join the project \"Launch <b>&</b> co\" (" + key
					+ ") on Cairn as a viewer.")
			.contains(PUBLIC_URL + "/invitations")
			.contains("Register with this address, " + email + ", and verify it first")
			.doesNotContain("token");
		assertThat(html(mail)).contains("href=\"" + PUBLIC_URL + "/invitations\"")
			.contains("Launch &lt;b&gt;&amp;&lt;/b&gt; co")
			.doesNotContain("<b>&</b>");
		assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
	}

	@Test
	void invitingAgainKeepsOneInvitationAndMailsTheAddressAtMostOnceADay() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String email = Accounts.uniqueEmail();

		String id = invitationId(invite(owner, project, email, "member"));
		Map<String, Object> again = json(invite(owner, project, email.toUpperCase(), "viewer").getResponseBody());
		assertThat(again).containsEntry("id", id).containsEntry("role", "viewer");
		assertThat(rows(project, email)).isOne();
		assertThat(settledMailsTo(email, SUBJECT)).hasSize(1);

		revoke(owner, project, id).expectStatus().isNoContent();
		String renewed = invitationId(invite(owner, project, email, "member"));
		assertThat(renewed).as("a new invitation after a revoked one").isNotEqualTo(id);
		assertThat(rows(project, email)).isOne();
		assertThat(settledMailsTo(email, SUBJECT)).as("revoking and inviting again mails no more often").hasSize(1);

		this.jdbc.sql("UPDATE project_invitations SET mailed_at = now() - interval '25 hours' WHERE id = :id")
			.param("id", UUID.fromString(renewed))
			.update();
		assertThat(invitationId(invite(owner, project, email, "member"))).isEqualTo(renewed);
		assertThat(settledMailsTo(email, SUBJECT)).hasSize(2);
	}

	@Test
	void aDeclinedInvitationEndsWithoutMembership() {
		SignedIn owner = this.users.signedIn();
		SignedIn invitee = this.users.signedIn();
		this.api.verifyEmail(invitee);
		UUID project = this.api.project(owner);
		String id = invitationId(invite(owner, project, invitee.email(), "member"));

		this.api.call(invitee, HttpMethod.POST, decline(id), null).expectStatus().isNoContent();

		expectNoInvitation(invitee, accept(id));
		assertThat((List<?>) this.api.page(invitee, "/api/v1/me/invitations").get("items")).isEmpty();
		assertThat((List<?>) this.api.page(owner, invitations(project)).get("items")).isEmpty();
		assertThat(memberCount(project)).isOne();
	}

	@Test
	void adminsSeeAndRevokePendingInvitationsOfTheirProject() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn invitee = this.users.signedIn();
		this.api.verifyEmail(invitee);
		UUID project = this.api.project(owner);
		this.api.join(owner, project, admin, "admin");
		this.api.addMember(project, member, "member");
		String toOwner = invitationId(invite(owner, project, Accounts.uniqueEmail(), "owner"));
		String toInvitee = invitationId(invite(admin, project, invitee.email(), "member"));

		Map<?, ?> first = this.api.page(admin, invitations(project) + "?limit=1");
		Map<?, ?> second = this.api.page(admin, invitations(project) + "?limit=1&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(first, "id")).containsExactly(toOwner);
		assertThat(Api.values(second, "id")).containsExactly(toInvitee);
		assertThat(Api.values(second, "email")).containsExactly(invitee.email());
		assertThat(second.get("nextCursor")).isNull();
		this.api.call(member, HttpMethod.GET, invitations(project), null)
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("role_forbids");
		revoke(member, project, toInvitee).expectStatus().isForbidden();

		revoke(admin, project, toOwner).expectStatus().isForbidden();
		revoke(admin, project, toInvitee).expectStatus().isNoContent();
		revoke(admin, project, toInvitee).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invitation_not_found");
		revoke(owner, project, toOwner).expectStatus().isNoContent();

		assertThat((List<?>) this.api.page(owner, invitations(project)).get("items")).isEmpty();
		assertThat((List<?>) this.api.page(invitee, "/api/v1/me/invitations").get("items")).isEmpty();
		expectNoInvitation(invitee, accept(toInvitee));
		assertThat(memberCount(project)).isEqualTo(3);
	}

	@Test
	void theRolesThatMayAddAMemberMayInviteOne() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.join(owner, project, admin, "admin");
		this.api.join(owner, project, member, "member");
		String futureOwner = Accounts.uniqueEmail();

		expectRefused(admin, project, Accounts.uniqueEmail(), "owner", 403, "role_forbids");
		invite(admin, project, Accounts.uniqueEmail(), "admin");
		expectRefused(member, project, Accounts.uniqueEmail(), "viewer", 403, "role_forbids");
		expectRefused(stranger, project, Accounts.uniqueEmail(), "viewer", 404, "project_not_found");
		invite(owner, project, futureOwner, "owner");
		// Making an owner's invitation a member's is managing an owner.
		expectRefused(admin, project, futureOwner, "member", 403, "role_forbids");

		assertThat(this.jdbc.sql("SELECT role FROM project_invitations WHERE project_id = :p AND email = :e")
			.param("p", project)
			.param("e", futureOwner)
			.query(String.class)
			.single()).isEqualTo("owner");
		assertThat(this.jdbc.sql("SELECT count(*) FROM project_invitations WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single()).as("the admin's and the member's, accepted, and the two pending").isEqualTo(4);
	}

	// An invitation is the inviter's authority: an admin made a member cannot still make
	// admins with what they sent before.
	@Test
	void anInvitationIsNoBetterThanWhatItsInviterMayStillDo() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn early = this.users.signedIn();
		SignedIn late = this.users.signedIn();
		this.api.verifyEmail(early);
		this.api.verifyEmail(late);
		UUID project = this.api.project(owner);
		this.api.join(owner, project, admin, "admin");
		String first = invitationId(invite(admin, project, early.email(), "admin"));
		// Accepted before the demotion as it would be after it, were it left pending: the
		// accept itself re-checks (a path that changes roles without this service).
		this.jdbc.sql("UPDATE project_members SET role = 'member' WHERE project_id = :p AND user_id = :u")
			.param("p", project)
			.param("u", admin.userId())
			.update();
		expectNoInvitation(early, accept(first));
		assertThat(memberCount(project)).isEqualTo(2);

		this.jdbc.sql("UPDATE project_members SET role = 'admin' WHERE project_id = :p AND user_id = :u")
			.param("p", project)
			.param("u", admin.userId())
			.update();
		String second = invitationId(invite(admin, project, late.email(), "member"));
		this.api
			.call(owner, HttpMethod.PATCH, "/api/v1/projects/" + project + "/members/" + admin.userId(),
					Map.of("role", "viewer"))
			.expectStatus()
			.isOk();
		// The demotion revoked it at once: gone from both lists, and not acceptable.
		assertThat((List<?>) this.api.page(late, "/api/v1/me/invitations").get("items")).isEmpty();
		assertThat((List<?>) this.api.page(owner, invitations(project)).get("items")).isEmpty();
		expectNoInvitation(late, accept(second));
		assertThat(memberCount(project)).isEqualTo(2);
	}

	@Test
	void anExpiredInvitationCannotBeSeenOrAcceptedUntilTheAddressIsInvitedAgain() {
		SignedIn owner = this.users.signedIn();
		SignedIn invitee = this.users.signedIn();
		this.api.verifyEmail(invitee);
		UUID project = this.api.project(owner);
		String id = invitationId(invite(owner, project, invitee.email(), "member"));
		this.jdbc.sql("UPDATE project_invitations SET expires_at = now() - interval '1 minute' WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update();

		assertThat((List<?>) this.api.page(invitee, "/api/v1/me/invitations").get("items")).isEmpty();
		assertThat((List<?>) this.api.page(owner, invitations(project)).get("items")).isEmpty();
		expectNoInvitation(invitee, accept(id));
		revoke(owner, project, id).expectStatus().isNotFound();

		String renewed = invitationId(invite(owner, project, invitee.email(), "member"));
		assertThat(renewed).isNotEqualTo(id);
		this.api.call(invitee, HttpMethod.POST, accept(renewed), null).expectStatus().isOk();
	}

	@Test
	void onlyWhoeverVerifiedTheAddressSeesAndAnswersItsInvitation() {
		SignedIn owner = this.users.signedIn();
		// Registered with the address, never verified: perhaps not its owner.
		SignedIn unverified = this.users.signedIn();
		SignedIn someoneElse = this.users.signedIn();
		this.api.verifyEmail(someoneElse);
		UUID project = this.api.project(owner);
		String id = invitationId(invite(owner, project, unverified.email(), "member"));

		assertThat((List<?>) this.api.page(unverified, "/api/v1/me/invitations").get("items")).isEmpty();
		assertThat((List<?>) this.api.page(someoneElse, "/api/v1/me/invitations").get("items")).isEmpty();
		for (SignedIn caller : List.of(unverified, someoneElse)) {
			expectNoInvitation(caller, accept(id));
			expectNoInvitation(caller, decline(id));
		}
		assertThat(memberCount(project)).isOne();

		this.api.verifyEmail(unverified);
		assertThat(Api.values(this.api.page(unverified, "/api/v1/me/invitations"), "id")).containsExactly(id);
		this.api.call(unverified, HttpMethod.POST, accept(id), null).expectStatus().isOk();
	}

	@Test
	void anInvitationToAProjectInTheTrashIsGoneUntilItIsRestored() {
		SignedIn owner = this.users.signedIn();
		SignedIn invitee = this.users.signedIn();
		this.api.verifyEmail(invitee);
		UUID project = this.api.project(owner);
		String id = invitationId(invite(owner, project, invitee.email(), "member"));

		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + project, null).expectStatus().isNoContent();
		assertThat((List<?>) this.api.page(invitee, "/api/v1/me/invitations").get("items")).isEmpty();
		expectNoInvitation(invitee, accept(id));

		this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/restore", null).expectStatus().isOk();
		this.api.call(invitee, HttpMethod.POST, accept(id), null).expectStatus().isOk();
	}

	@Test
	void acceptingAsAMemberAlreadyUsesTheInvitationAndKeepsTheRole() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		this.api.verifyEmail(member);
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "admin");
		String id = invitationId(invite(owner, project, member.email(), "viewer"));

		this.api.call(member, HttpMethod.POST, accept(id), null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("admin");

		assertThat(memberCount(project)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT state FROM project_invitations WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("accepted");
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE project_id = :p AND type = 'member.added'")
			.param("p", project)
			.query(Long.class)
			.single()).isZero();
		expectNoInvitation(member, accept(id));
	}

	@Test
	void aProjectHasAtMostTwoHundredPendingInvitations() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.jdbc.sql("""
				INSERT INTO project_invitations (id, project_id, email, role, invited_by, expires_at)
				SELECT uuidv7(), :p, 'pending-' || n || '@example.com', 'member', :owner, now() + interval '1 day'
				FROM generate_series(1, 200) n
				""").param("p", project).param("owner", owner.userId()).update();

		expectRefused(owner, project, Accounts.uniqueEmail(), "member", 422, "too_many");
		// Inviting a pending address again adds no invitation.
		invite(owner, project, "pending-7@example.com", "viewer");

		this.jdbc.sql("""
				UPDATE project_invitations SET expires_at = now() - interval '1 minute'
				WHERE project_id = :p AND email = 'pending-1@example.com'
				""").param("p", project).update();
		invite(owner, project, Accounts.uniqueEmail(), "member");
		expectRefused(owner, project, Accounts.uniqueEmail(), "member", 422, "too_many");
	}

	@Test
	void personalAccessTokensInviteWithAdminScopeButNeverAnswerInvitations() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String write = this.api.personalToken(owner, "read", "write");
		String admin = this.api.personalToken(owner, "admin");
		Map<String, String> body = Map.of("email", Accounts.uniqueEmail(), "role", "member");

		withToken(write, HttpMethod.POST, "/api/v1/projects/" + project + "/members", body).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("insufficient_scope");
		String id = (String) withToken(admin, HttpMethod.POST, "/api/v1/projects/" + project + "/members", body)
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.api.verifyEmail(owner);
		String own = invitationId(invite(owner, project, owner.email(), "member"));
		withToken(admin, HttpMethod.POST, accept(own), null).expectStatus().isForbidden();
		withToken(admin, HttpMethod.POST, decline(own), null).expectStatus().isForbidden();
		withToken(write, HttpMethod.DELETE, "/api/v1/projects/" + project + "/invitations/" + id, null).expectStatus()
			.isForbidden();
		withToken(admin, HttpMethod.DELETE, "/api/v1/projects/" + project + "/invitations/" + id, null).expectStatus()
			.isNoContent();
	}

	@Test
	void badInvitationRequestsAreRefusedAndChangeNothing() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String members = "/api/v1/projects/" + project + "/members";
		String tooLong = "a".repeat(243) + "@example.com";
		assertThat(tooLong).hasSize(255);
		for (Map<String, ?> body : List.of(Map.of("email", tooLong, "role", "member"),
				Map.of("email", "not-an-address", "role", "member"), Map.of("email", "", "role", "member"),
				Map.of("email", "a@b.c"), Map.of("email", "a@b.c", "role", "Member"),
				Map.of("email", "a@b.c", "userId", owner.userId().toString(), "role", "member"))) {
			Api.expectProblem(this.api.call(owner, HttpMethod.POST, members, body).expectBody().returnResult(), 400,
					"validation_failed");
		}
		Api.expectProblem(this.api
			.call(owner, HttpMethod.POST, members,
					Map.of("email", "a@b.c", "role", "member", "expiresAt", "2099-01-01T00:00:00Z"))
			.expectBody()
			.returnResult(), 400, "validation_failed");
		for (String path : List.of(accept("nope"), decline("nope"), "/api/v1/projects/" + project + "/invitations/1")) {
			HttpMethod method = path.startsWith("/api/v1/projects") ? HttpMethod.DELETE : HttpMethod.POST;
			Api.expectProblem(this.api.call(owner, method, path, null).expectBody().returnResult(), 400,
					"validation_failed");
		}
		for (String query : List.of("?limit=0", "?limit=201", "?cursor=forged.cursor", "?cursor=" + "x".repeat(1025))) {
			Api.expectProblem(this.api.call(owner, HttpMethod.GET, "/api/v1/me/invitations" + query, null)
				.expectBody()
				.returnResult(), 400, "validation_failed");
			Api.expectProblem(this.api.call(owner, HttpMethod.GET, invitations(project) + query, null)
				.expectBody()
				.returnResult(), 400, "validation_failed");
		}
		expectNoInvitation(owner, accept(UUID.randomUUID().toString()));
		revoke(owner, project, UUID.randomUUID().toString()).expectStatus().isNotFound();

		assertThat(this.jdbc.sql("SELECT count(*) FROM project_invitations WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single()).isZero();
	}

	private EntityExchangeResult<Map> invite(SignedIn by, UUID project, String email, String role) {
		return this.api
			.call(by, HttpMethod.POST, "/api/v1/projects/" + project + "/members", Map.of("email", email, "role", role))
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult();
	}

	private void expectRefused(SignedIn by, UUID project, String email, String role, int status, String code) {
		Api.expectProblem(this.api
			.call(by, HttpMethod.POST, "/api/v1/projects/" + project + "/members", Map.of("email", email, "role", role))
			.expectBody()
			.returnResult(), status, code);
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec revoke(SignedIn by, UUID project,
			String id) {
		return this.api.call(by, HttpMethod.DELETE, "/api/v1/projects/" + project + "/invitations/" + id, null);
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec withToken(String token,
			HttpMethod method, String path, Object body) {
		var request = this.client.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).body(body).exchange()
				: request.exchange();
	}

	private void expectNoInvitation(SignedIn caller, String path) {
		Api.expectProblem(this.api.call(caller, HttpMethod.POST, path, null).expectBody().returnResult(), 404,
				"invitation_not_found");
	}

	private long memberCount(UUID project) {
		return this.jdbc.sql("SELECT count(*) FROM project_members WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single();
	}

	private long rows(UUID project, String email) {
		return this.jdbc.sql("SELECT count(*) FROM project_invitations WHERE project_id = :p AND email = lower(:e)")
			.param("p", project)
			.param("e", email)
			.query(Long.class)
			.single();
	}

	private static Set<String> stableHeaders(EntityExchangeResult<?> result) {
		Set<String> names = new HashSet<>(result.getResponseHeaders().headerNames());
		names.removeIf((name) -> VARYING_HEADERS.stream().anyMatch(name::equalsIgnoreCase));
		Set<String> pairs = new HashSet<>();
		for (String name : names) {
			pairs.add(name + ": " + result.getResponseHeaders().get(name));
		}
		return pairs;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static String invitationId(EntityExchangeResult<Map> result) {
		return (String) result.getResponseBody().get("id");
	}

	private static String invitations(UUID project) {
		return "/api/v1/projects/" + project + "/invitations";
	}

	private static String accept(String id) {
		return "/api/v1/invitations/" + id + "/accept";
	}

	private static String decline(String id) {
		return "/api/v1/invitations/" + id + "/decline";
	}

}
