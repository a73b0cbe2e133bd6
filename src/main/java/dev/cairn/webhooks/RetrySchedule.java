package dev.cairn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failed attempt: the configured delays, one per retry, each
 * stretched or shrunk by up to 20% at random so that deliveries that failed together (a
 * receiver that was down) do not all come back at the same instant.
 */
record RetrySchedule(List<Duration> delays) {

	/**
	 * @param attemptsMade attempts so far, the failed one included
	 * @return when the next attempt is due, or empty when the retries are spent
	 */
	Optional<Instant> next(int attemptsMade, Instant now) {
		if (attemptsMade < 1 || attemptsMade > this.delays.size()) {
			return Optional.empty();
		}
		Duration delay = this.delays.get(attemptsMade - 1);
		double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
		return Optional.of(now.plusMillis(Math.round(delay.toMillis() * factor)));
	}

	/**
	 * How long a delivery may keep failing before it has failed: the sum of the delays.
	 */
	Duration span() {
		return this.delays.stream().reduce(Duration.ZERO, Duration::plus);
	}

}
