package dev.cairn.platform.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import dev.cairn.platform.RateLimits;

/**
 * Buckets in this node's memory. A bucket left alone for its whole period is full again,
 * no different from a new one, so it is dropped then; the number held is bounded too.
 */
final class LocalRateLimits implements RateLimits {

	private final Cache<String, Entry> buckets = Caffeine.newBuilder()
		.maximumSize(500_000)
		.expireAfter(Expiry.accessing((String key, Entry entry) -> entry.period()))
		.build();

	@Override
	public Decision take(String key, Budget budget) {
		Entry entry = this.buckets.get(key,
				(name) -> new Entry(Bucket.builder().addLimit(bandwidth(budget)).build(), budget.period()));
		return decision(entry.bucket().tryConsumeAndReturnRemaining(1));
	}

	static Bandwidth bandwidth(Budget budget) {
		return Bandwidth.builder().capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period()).build();
	}

	static Decision decision(ConsumptionProbe probe) {
		return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
				Duration.ofNanos(probe.getNanosToWaitForReset()), Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private record Entry(Bucket bucket, Duration period) {
	}

}
