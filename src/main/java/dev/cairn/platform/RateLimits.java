package dev.cairn.platform;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Token buckets (Bucket4j) by key: in this node's memory, or in Redis and so shared by
 * all nodes when {@code CAIRN_REDIS_URL} is set. While Redis is unreachable each node
 * counts on its own, which lets a client through up to once per node rather than refusing
 * everyone.
 */
public interface RateLimits {

	/**
	 * Takes one request from the bucket {@code key}, which follows {@code budget}. A key
	 * has one budget: the bucket is made with the budget of its first take (keys are
	 * prefixed by what they limit, {@code api:}, {@code search:},
	 * {@code throttle:<rule>:}).
	 */
	Decision take(String key, Budget budget);

	/**
	 * A bucket of {@code capacity} requests that refills smoothly, completely over
	 * {@code period}: a burst of the whole capacity, then capacity per period.
	 */
	record Budget(@Positive long capacity, @NotNull Duration period) {
	}

	/**
	 * @param allowed whether the request may go ahead
	 * @param remaining requests left in the bucket now
	 * @param untilFull until the bucket is full again
	 * @param untilNext until the next request would be allowed (zero when allowed)
	 */
	record Decision(boolean allowed, long remaining, Duration untilFull, Duration untilNext) {
	}

}
