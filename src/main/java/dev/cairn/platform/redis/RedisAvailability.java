package dev.cairn.platform.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis may be used right now. After a failed command Redis is left alone for the
 * retry interval, so a dead Redis costs one timeout per interval rather than one per
 * request; then one caller tries again, first running the recovery actions (emptying the
 * shared caches, which may hold entries whose eviction failed meanwhile). Logs one line
 * per outage and one per recovery; counts failures as {@code cairn.redis.failures} and
 * shows the state as {@code cairn.redis.up}.
 */
public final class RedisAvailability {

	private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

	private final long retryNanos;

	private final Counter failures;

	private final List<Runnable> recoveries = new CopyOnWriteArrayList<>();

	private final AtomicBoolean trying = new AtomicBoolean();

	private volatile boolean down;

	private volatile long retryAt;

	RedisAvailability(Duration retryInterval, MeterRegistry meters) {
		this.retryNanos = retryInterval.toNanos();
		this.failures = meters.counter("cairn.redis.failures");
		Gauge.builder("cairn.redis.up", this, (redis) -> redis.down ? 0 : 1).register(meters);
	}

	/**
	 * Runs a Redis command if Redis may be used now.
	 * @return its result; empty if Redis is left alone at the moment or the command
	 * failed (or returned null)
	 */
	public <T> Optional<T> attempt(Supplier<T> command) {
		if (!this.down) {
			try {
				return Optional.ofNullable(command.get());
			}
			catch (RuntimeException ex) {
				failed(ex);
				return Optional.empty();
			}
		}
		if (System.nanoTime() - this.retryAt < 0 || !this.trying.compareAndSet(false, true)) {
			return Optional.empty();
		}
		try {
			for (Runnable recovery : this.recoveries) {
				recovery.run();
			}
			T result = command.get();
			this.down = false;
			log.info("Redis is reachable again");
			return Optional.ofNullable(result);
		}
		catch (RuntimeException ex) {
			failed(ex);
			return Optional.empty();
		}
		finally {
			this.trying.set(false);
		}
	}

	/**
	 * Runs a command that must reach Redis even while it is left alone, such as an
	 * eviction: a failure counts like any other, a success changes nothing (Redis is
	 * trusted again only through {@link #attempt}, after the recovery actions).
	 * @return whether the command ran without an error
	 */
	public boolean attemptEvenIfDown(Runnable command) {
		try {
			command.run();
			return true;
		}
		catch (RuntimeException ex) {
			failed(ex);
			return false;
		}
	}

	/**
	 * Makes a connection while the node starts, before it takes requests. The first try
	 * pays for Lettuce and Netty starting up, which on a cold JVM can run past the
	 * command timeout, so its failure is not counted: only a second try's is an outage
	 * (and a Redis that is down at start is an outage like any other, not a failed
	 * start).
	 */
	public void warmUp(Runnable connect) {
		try {
			connect.run();
		}
		catch (RuntimeException first) {
			attempt(() -> {
				connect.run();
				return Boolean.TRUE;
			});
		}
	}

	/** Whether Redis answered the last time it was asked. */
	public boolean up() {
		return !this.down;
	}

	/**
	 * An action that must succeed, against Redis, before Redis is used after an outage.
	 */
	public void onRecovery(Runnable action) {
		this.recoveries.add(action);
	}

	private void failed(RuntimeException ex) {
		this.failures.increment();
		this.retryAt = System.nanoTime() + this.retryNanos;
		if (!this.down) {
			this.down = true;
			log.warn("Redis is unreachable ({}); caches go to the database and rate limits count on this node"
					+ " until it is back", ex.getMessage());
		}
	}

}
