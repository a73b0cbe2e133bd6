package dev.cairn.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Jobs;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@WithJobs
class IdempotencyApiTests extends ApiTestSupport {

	private static final String PROJECTS = "/api/v1/projects";

	@Autowired
	private SchedulerClient scheduler;

	@Autowired
	private IdempotencyKeys keys;

	@Test
	void aRetryReplaysTheFirstResponseExactlyAndCreatesOnce() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		String key = UUID.randomUUID().toString();

		EntityExchangeResult<byte[]> first = post(owner, key, project(projectKey, "Apollo"));
		EntityExchangeResult<byte[]> retry = post(owner, key, project(projectKey, "Apollo"));

		assertThat(first.getStatus().value()).isEqualTo(201);
		assertThat(first.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
		assertThat(retry.getStatus().value()).isEqualTo(201);
		assertThat(retry.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
		assertThat(retry.getResponseBodyContent()).isEqualTo(first.getResponseBodyContent());
		for (String header : List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE)) {
			assertThat(retry.getResponseHeaders().getFirst(header)).as(header)
				.isNotNull()
				.isEqualTo(first.getResponseHeaders().getFirst(header));
		}
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
		assertThat(storedStatus(owner, key)).isEqualTo(201);
	}

	@Test
	void theDraftsQuotedFormNamesTheSameKey() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		String key = UUID.randomUUID().toString();
		post(owner, "\"" + key + "\"", project(projectKey, "Apollo"));

		EntityExchangeResult<byte[]> retry = post(owner, key, project(projectKey, "Apollo"));

		assertThat(retry.getStatus().value()).isEqualTo(201);
		assertThat(retry.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
	}

	@Test
	void theSameKeyForAnotherRequestIs422AndChangesNothing() {
		SignedIn owner = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String first = Api.uniqueProjectKey();
		String other = Api.uniqueProjectKey();
		post(owner, key, project(first, "Apollo"));

		Api.expectProblem(post(owner, key, project(other, "Gemini")), 422, "idempotency_key_reused");
		Api.expectProblem(post(owner, PROJECTS + "?note=1", key, project(first, "Apollo")), 422,
				"idempotency_key_reused");

		assertThat(this.api.projectsWithKey(other)).isZero();
		assertThat(this.api.projectsWithKey(first)).isOne();
		assertThat(storedStatus(owner, key)).isEqualTo(201);
	}

	@Test
	void concurrentRetriesCreateOnce() throws Exception {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		String key = UUID.randomUUID().toString();
		int threads = 10;
		CountDownLatch start = new CountDownLatch(1);
		List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<EntityExchangeResult<byte[]>>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return post(owner, key, project(projectKey, "Apollo"));
				}));
			}
			start.countDown();
			for (Future<EntityExchangeResult<byte[]>> future : futures) {
				results.add(future.get());
			}
		}

		List<EntityExchangeResult<byte[]>> ran = results.stream()
			.filter((result) -> result.getStatus().value() == 201
					&& result.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED) == null)
			.toList();
		assertThat(ran).hasSize(1);
		for (EntityExchangeResult<byte[]> result : results) {
			if (result.getStatus().value() == 201) {
				assertThat(result.getResponseBodyContent()).isEqualTo(ran.get(0).getResponseBodyContent());
			}
			else {
				Api.expectProblem(result, 409, "idempotency_key_in_use");
				assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			}
		}
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
	}

	@Test
	void aRetryWhileTheFirstRequestRunsIs409() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		String key = UUID.randomUUID().toString();
		String body = project(projectKey, "Apollo");
		openClaim(owner, key, body, "0 seconds");

		Api.expectProblem(post(owner, key, body), 409, "idempotency_key_in_use");

		assertThat(this.api.projectsWithKey(projectKey)).isZero();
	}

	@Test
	void aClaimLeftByANodeThatDiedIsTakenOverAfterTheLease() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		String key = UUID.randomUUID().toString();
		String body = project(projectKey, "Apollo");
		// The lease is two minutes.
		openClaim(owner, key, body, "3 minutes");

		EntityExchangeResult<byte[]> retried = post(owner, key, body);

		assertThat(retried.getStatus().value()).isEqualTo(201);
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
		assertThat(storedStatus(owner, key)).isEqualTo(201);
	}

	@Test
	void anAbandonedClaimIsNotTakenOverByAnotherRequest() {
		SignedIn owner = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String body = project(Api.uniqueProjectKey(), "Apollo");
		openClaim(owner, key, body, "3 minutes");

		Api.expectProblem(post(owner, key, project(Api.uniqueProjectKey(), "Gemini")), 422, "idempotency_key_reused");
	}

	@Test
	void aRequestWhoseClaimWasTakenOverNeitherStoresNorReleasesTheNewOne() {
		UUID user = this.users.signedIn().userId();
		String key = UUID.randomUUID().toString();
		byte[] hash = new byte[32];
		IdempotencyKeys.Claim.Claimed slow = (IdempotencyKeys.Claim.Claimed) this.keys.claim(user, key, hash);
		this.jdbc
			.sql("UPDATE idempotency_keys SET created_at = created_at - interval '3 minutes' "
					+ "WHERE user_id = :user AND key = :key")
			.param("user", user)
			.param("key", key)
			.update();
		IdempotencyKeys.Claim.Claimed retry = (IdempotencyKeys.Claim.Claimed) this.keys.claim(user, key, hash);

		this.keys.release(user, key, slow);
		assertThat(this.keys.claim(user, key, hash)).as("the retry still holds the key")
			.isInstanceOf(IdempotencyKeys.Claim.InProgress.class);
		this.keys.complete(user, key, slow, 201, Map.of(), "slow".getBytes(StandardCharsets.UTF_8));
		this.keys.complete(user, key, retry, 201, Map.of(), "retry".getBytes(StandardCharsets.UTF_8));
		assertThat(this.keys.claim(user, key, hash)).isInstanceOfSatisfying(IdempotencyKeys.Claim.Completed.class,
				(completed) -> assertThat(new String(completed.body(), StandardCharsets.UTF_8)).isEqualTo("retry"));
	}

	@Test
	void anExpiredKeyIsTreatedAsNew() {
		SignedIn owner = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String first = Api.uniqueProjectKey();
		post(owner, key, project(first, "Apollo"));
		expire(owner, key);

		String other = Api.uniqueProjectKey();
		EntityExchangeResult<byte[]> another = post(owner, key, project(other, "Gemini"));

		assertThat(another.getStatus().value()).isEqualTo(201);
		assertThat(another.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
		assertThat(this.api.projectsWithKey(other)).isOne();
		assertThat(storedStatus(owner, key)).isEqualTo(201);
	}

	@Test
	void aRetryAfterExpiryRunsAgain() {
		SignedIn owner = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String projectKey = Api.uniqueProjectKey();
		post(owner, key, project(projectKey, "Apollo"));
		expire(owner, key);

		// Not replayed: it runs, and finds the project key taken by the first run.
		Api.expectProblem(post(owner, key, project(projectKey, "Apollo")), 409, "project_key_taken");
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
	}

	@Test
	void keysBelongToTheirUser() {
		SignedIn ada = this.users.signedIn();
		SignedIn grace = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String adas = Api.uniqueProjectKey();
		String graces = Api.uniqueProjectKey();

		EntityExchangeResult<byte[]> first = post(ada, key, project(adas, "Ada's"));
		EntityExchangeResult<byte[]> second = post(grace, key, project(graces, "Grace's"));

		assertThat(first.getStatus().value()).isEqualTo(201);
		assertThat(second.getStatus().value()).isEqualTo(201);
		assertThat(second.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
		assertThat(this.api.projectsWithKey(adas)).isOne();
		assertThat(this.api.projectsWithKey(graces)).isOne();
	}

	@Test
	void aTokenWithoutTheScopeIsRefusedBeforeAnythingIsReplayed() {
		SignedIn owner = this.users.signedIn();
		String readOnly = this.api.personalToken(owner, "read");
		String key = UUID.randomUUID().toString();
		String body = project(Api.uniqueProjectKey(), "Apollo");
		assertThat(post(owner, key, body).getStatus().value()).isEqualTo(201);

		// The same request under the same key, by a token that may not make it.
		EntityExchangeResult<byte[]> retry = this.client.post()
			.uri(PROJECTS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
			.header(IdempotencyFilter.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult(byte[].class);
		Api.expectProblem(retry, 403, "insufficient_scope");
		assertThat(retry.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
		assertThat(storedStatus(owner, key)).isEqualTo(201);

		// A route that takes no POST is still 405 for a token, as for anyone.
		Api.expectProblem(this.client.post()
			.uri(PROJECTS + "/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
			.header(IdempotencyFilter.HEADER, UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult(byte[].class), 405, "method_not_allowed");
	}

	@Test
	void aFailedRequestLetsGoOfItsKeySoACorrectedOneRuns() {
		SignedIn owner = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		String projectKey = Api.uniqueProjectKey();

		Api.expectProblem(post(owner, key, project("lower", "Apollo")), 400, "validation_failed");
		assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE user_id = :user")
			.param("user", owner.userId())
			.query(Long.class)
			.single()).isZero();

		EntityExchangeResult<byte[]> corrected = post(owner, key, project(projectKey, "Apollo"));
		assertThat(corrected.getStatus().value()).isEqualTo(201);
		assertThat(this.api.projectsWithKey(projectKey)).isOne();
	}

	@Test
	void malformedKeysAre400AndChangeNothing() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		for (String key : List.of("k".repeat(256), "tab\there", "\"\"")) {
			EntityExchangeResult<byte[]> result = post(owner, key, project(projectKey, "Apollo"));
			Api.expectProblem(result, 400, "validation_failed");
			assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.contains("\"field\":\"Idempotency-Key\"");
		}
		EntityExchangeResult<byte[]> twoKeys = this.client.post()
			.uri(PROJECTS)
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.header(IdempotencyFilter.HEADER, "one", "two")
			.contentType(MediaType.APPLICATION_JSON)
			.body(project(projectKey, "Apollo"))
			.exchange()
			.returnResult(byte[].class);
		Api.expectProblem(twoKeys, 400, "validation_failed");
		assertThat(this.api.projectsWithKey(projectKey)).isZero();
		assertThat(post(owner, "k".repeat(255), project(projectKey, "Apollo")).getStatus().value()).isEqualTo(201);
	}

	@Test
	void anonymousRequestsIgnoreTheHeader() {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			this.client.post()
				.uri("/api/v1/auth/register")
				.header(IdempotencyFilter.HEADER, key)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "displayName", "Anon"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.doesNotExist(IdempotencyFilter.REPLAYED);
		}
	}

	@Test
	void responsesWithSecretsAreNeverKept() {
		SignedIn user = this.users.signedIn();
		String key = UUID.randomUUID().toString();
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Map<?, ?> created = this.client.post()
				.uri("/api/v1/me/tokens")
				.header(HttpHeaders.AUTHORIZATION, user.bearer())
				.header(IdempotencyFilter.HEADER, key)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "script", "scopes", List.of("read")))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			secrets.add((String) created.get("token"));
		}
		assertThat(secrets).doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE user_id = :user")
			.param("user", user.userId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void purgingDeletesOnlyExpiredKeys() {
		SignedIn owner = this.users.signedIn();
		String live = UUID.randomUUID().toString();
		String expired = UUID.randomUUID().toString();
		post(owner, live, project(Api.uniqueProjectKey(), "Apollo"));
		post(owner, expired, project(Api.uniqueProjectKey(), "Gemini"));
		expire(owner, expired);

		Jobs.runNow(this.scheduler, "purge-expired-idempotency-keys");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT key FROM idempotency_keys WHERE user_id = :user")
				.param("user", owner.userId())
				.query(String.class)
				.list()).containsExactly(live));
	}

	private EntityExchangeResult<byte[]> post(SignedIn user, String key, String body) {
		return post(user, PROJECTS, key, body);
	}

	private EntityExchangeResult<byte[]> post(SignedIn user, String path, String key, String body) {
		return this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.header(IdempotencyFilter.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult(byte[].class);
	}

	private static String project(String key, String name) {
		return "{\"key\":\"" + key + "\",\"name\":\"" + name + "\"}";
	}

	private Integer storedStatus(SignedIn user, String key) {
		return this.jdbc.sql("SELECT response_status FROM idempotency_keys WHERE user_id = :user AND key = :key")
			.param("user", user.userId())
			.param("key", key)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/**
	 * A claim of {@code body} under {@code key}, made {@code ago} and neither completed
	 * nor released: its request still runs, or its node died.
	 */
	private void openClaim(SignedIn owner, String key, String body, String ago) {
		this.jdbc.sql("""
				INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, expires_at)
				VALUES (:user, :key, :hash, now() - CAST(:ago AS interval), now() + interval '1 hour')
				""")
			.param("user", owner.userId())
			.param("key", key)
			.param("hash", IdempotencyFilter.hash("POST", PROJECTS, "", body.getBytes(StandardCharsets.UTF_8)))
			.param("ago", ago)
			.update();
	}

	private void expire(SignedIn user, String key) {
		this.jdbc
			.sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
					+ "WHERE user_id = :user AND key = :key")
			.param("user", user.userId())
			.param("key", key)
			.update();
	}

}
