package dev.cairn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

	@Example
	void theDefaultScheduleSpansAboutADay() {
		// The defaults as Cairn binds them when nothing is configured.
		WebhookSettings defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("cairn.webhooks",
				WebhookSettings.class);
		assertThat(new RetrySchedule(defaults.retryDelays()).span()).isBetween(Duration.ofHours(20),
				Duration.ofHours(28));
	}

}
