package dev.cairn.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog, read from the database when scraped, so every node reports the
 * same figure: {@code cairn.events.outstanding}, publications whose listener has not
 * finished (completed ones are deleted, so these are all the rows), and
 * {@code cairn.events.oldest.age}, how long the oldest of them has waited. A backlog that
 * only grows, or an oldest age past the recovery's stale-after, means listeners are
 * failing or no node is recovering; {@code cairn.events.dead} counts what was given up.
 */
@Component
class EventMetrics {

	EventMetrics(MeterRegistry meters, JdbcClient jdbc) {
		Gauge
			.builder("cairn.events.outstanding",
					() -> jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single())
			.description("Event publications whose listener has not finished")
			.register(meters);
		Gauge.builder("cairn.events.oldest.age", () -> jdbc.sql("""
				SELECT coalesce(extract(epoch FROM now() - min(publication_date)), 0)
				FROM event_publication""").query(Double.class).single())
			.description("How long the oldest unfinished event publication has waited")
			.baseUnit("seconds")
			.register(meters);
		Gauge
			.builder("cairn.events.dead",
					() -> jdbc.sql("SELECT count(*) FROM event_publication_dead").query(Long.class).single())
			.description("Event publications given up after their last attempt")
			.register(meters);
	}

}
