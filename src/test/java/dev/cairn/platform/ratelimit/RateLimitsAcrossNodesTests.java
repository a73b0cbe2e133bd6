package dev.cairn.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.RateLimits.Budget;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TcpProxy;
import dev.cairn.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis, a caller's budget is one across nodes; while Redis is away, each node
 * counts on its own and keeps answering.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class RateLimitsAcrossNodesTests {

	@Test
	void nodesShareOneBudgetThroughRedisAndCountAloneWhileItIsAway() {
		LocalRedis.require();
		TestDatabase.Database database = TestDatabase.migrated();
		try (TcpProxy redis = new TcpProxy(LocalRedis.HOST, LocalRedis.PORT)) {
			List<String> settings = new ArrayList<>(
					List.of(LocalRedis.settings(redis.port(), LocalRedis.freshPrefix())));
			settings.addAll(List.of("cairn.rate-limit.enabled=true", "cairn.rate-limit.authenticated.capacity=4",
					"cairn.rate-limit.authenticated.period=1h", "cairn.redis.retry-interval=1h"));
			try (Node a = Node.start(database, null, settings.toArray(String[]::new));
					Node b = Node.start(database, null, settings.toArray(String[]::new))) {
				SignedIn user = Accounts.signUp(a.client());
				me(a.client(), user).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "3");
				me(b.client(), user).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
				me(a.client(), user).expectStatus().isOk();
				me(b.client(), user).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "0");
				me(a.client(), user).expectStatus().isEqualTo(429);
				me(b.client(), user).expectStatus().isEqualTo(429);

				// A busy client on many connections to both nodes at once: still one
				// budget, and no take runs out of time racing the others for the one key
				// (a timeout would leave Redis alone for the hour-long retry interval).
				Budget burst = new Budget(300, Duration.ofHours(1));
				AtomicInteger allowed = new AtomicInteger();
				try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
					for (int i = 0; i < 900; i++) {
						RateLimits node = (i % 2 == 0) ? a.bean(RateLimits.class) : b.bean(RateLimits.class);
						clients.submit(() -> node.take("burst", burst).allowed() && allowed.incrementAndGet() > 0);
					}
				}
				assertThat(allowed).hasValue(300);
				assertThat(redisFailures(a) + redisFailures(b)).isZero();

				// Without Redis each node starts a budget of its own in memory.
				redis.cut();
				me(a.client(), user).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "3");
				me(b.client(), user).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "3");
			}
		}
	}

	private static double redisFailures(Node node) {
		return node.bean(MeterRegistry.class).counter("cairn.redis.failures").count();
	}

	private static RestTestClient.ResponseSpec me(RestTestClient client, SignedIn user) {
		return client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, user.bearer()).exchange();
	}

}
