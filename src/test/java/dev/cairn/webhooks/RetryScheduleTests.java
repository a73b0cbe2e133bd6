package dev.cairn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private final RetrySchedule schedule = new RetrySchedule(
			List.of(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofHours(8)));

	private final Instant now = Instant.parse("2026-11-30T10:00:00Z");

	@Property
	void eachRetryWaitsItsDelayWithinTwentyPercent(@ForAll @IntRange(min = 1, max = 3) int attemptsMade) {
		long delay = this.schedule.delays().get(attemptsMade - 1).toMillis();
		Instant next = this.schedule.next(attemptsMade, this.now).orElseThrow();
		long waited = Duration.between(this.now, next).toMillis();
		assertThat(waited).isBetween(Math.round(delay * 0.8), Math.round(delay * 1.2));
	}

	@Property
	void afterTheLastDelayThereIsNoRetry(@ForAll @IntRange(min = 4, max = 1000) int attemptsMade) {
		assertThat(this.schedule.next(attemptsMade, this.now)).isEmpty();
	}

	@Property(tries = 10)
	void theDefaultScheduleSpansAboutADay() {
		RetrySchedule defaults = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
				Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8)));
		assertThat(defaults.span()).isBetween(Duration.ofHours(20), Duration.ofHours(28));
	}

}
