package dev.cairn.platform.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisAvailabilityTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RedisAvailability redis = new RedisAvailability(Duration.ofSeconds(1), this.meters);

	private final AtomicInteger recoveries = new AtomicInteger();

	private final AtomicInteger commands = new AtomicInteger();

	@Test
	void afterAFailureRedisIsLeftAloneThenEmptiedBeforeItIsUsedAgain() {
		this.redis.onRecovery(this.recoveries::incrementAndGet);
		assertThat(this.redis.attempt(() -> "answer")).contains("answer");

		assertThat(this.redis.attempt(RedisAvailabilityTests::unreachable)).isEmpty();
		assertThat(this.redis.up()).isFalse();
		assertThat(this.meters.get("cairn.redis.up").gauge().value()).isZero();
		assertThat(this.meters.get("cairn.redis.failures").counter().count()).isEqualTo(1);
		assertThat(this.redis.attempt(this::counted)).as("left alone").isEmpty();
		assertThat(this.commands).hasValue(0);

		await().until(() -> this.redis.attempt(this::counted).isPresent());
		assertThat(this.recoveries).hasValue(1);
		assertThat(this.redis.up()).isTrue();
		assertThat(this.meters.get("cairn.redis.up").gauge().value()).isEqualTo(1);
		assertThat(this.redis.attempt(this::counted)).isPresent();
		assertThat(this.recoveries).as("once per outage").hasValue(1);
	}

	@Test
	void aRecoveryThatFailsKeepsRedisOutOfUse() throws InterruptedException {
		this.redis.onRecovery(() -> unreachable());
		this.redis.attempt(RedisAvailabilityTests::unreachable);

		Thread.sleep(1100); // the retry interval passes
		assertThat(this.redis.attempt(this::counted)).isEmpty();
		assertThat(this.commands).as("not run before the caches are emptied").hasValue(0);
		assertThat(this.redis.up()).isFalse();
		assertThat(this.meters.get("cairn.redis.failures").counter().count()).isEqualTo(2);
	}

	@Test
	void aWarmUpForgivesItsFirstFailureButNotItsSecond() {
		AtomicInteger tries = new AtomicInteger();
		this.redis.warmUp(() -> {
			if (tries.incrementAndGet() == 1) {
				unreachable(); // a cold JVM's first connection, past the timeout
			}
		});
		assertThat(tries).hasValue(2);
		assertThat(this.redis.up()).isTrue();
		assertThat(this.meters.get("cairn.redis.failures").counter().count()).isZero();

		this.redis.warmUp(RedisAvailabilityTests::unreachable);
		assertThat(this.redis.up()).as("a Redis that is down at start is an outage").isFalse();
		assertThat(this.meters.get("cairn.redis.failures").counter().count()).isEqualTo(1);
	}

	private String counted() {
		this.commands.incrementAndGet();
		return "answer";
	}

	private static String unreachable() {
		throw new IllegalStateException("Unable to connect to 127.0.0.1:6379");
	}

}
