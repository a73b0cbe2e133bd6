package dev.cairn.platform.jobs;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The other half of the outbox, run by one node at a time (it is a db-scheduler job):
 * <ol>
 * <li>publications whose listener never started (the node died between commit and
 * delivery) or never finished are marked failed, judged from the latest resubmission, not
 * the first publication, so a retry in flight is not started again beside itself;</li>
 * <li>publications that failed {@code maxAttempts} times move to
 * {@code event_publication_dead}, so a listener that can never succeed does not hold up
 * the rest;</li>
 * <li>the failed ones are handed to their listener again, oldest first.</li>
 * </ol>
 * Listeners are idempotent: they may see an event more than once, never zero times.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventSettings.class)
class EventRecovery {

	private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);

	@Bean
	RecurringTask<Void> eventRecoveryJob(JdbcClient jdbc, FailedEventPublications failed, EventSettings settings) {
		return Tasks.recurring("event-publication-recovery", FixedDelay.of(settings.recoveryInterval()))
			.execute((instance, context) -> {
				markLost(jdbc, settings);
				buryHopeless(jdbc, settings);
				failed.resubmit(
						ResubmissionOptions.defaults().withBatchSize(settings.batchSize()).withFilter((publication) -> {
							log.info("Resubmitting event publication {} ({}, {} attempts so far)",
									publication.getIdentifier(), publication.getEvent().getClass().getSimpleName(),
									publication.getCompletionAttempts());
							return true;
						}));
			});
	}

	private static void markLost(JdbcClient jdbc, EventSettings settings) {
		jdbc.sql(
				"""
						UPDATE event_publication SET status = 'FAILED'
						WHERE (status IN ('PUBLISHED', 'RESUBMITTED')
						       AND coalesce(last_resubmission_date, publication_date) < now() - :stale * interval '1 millisecond')
						   OR (status = 'PROCESSING'
						       AND coalesce(last_resubmission_date, publication_date) < now() - :processing * interval '1 millisecond')
						""")
			.param("stale", settings.staleAfter().toMillis())
			.param("processing", settings.processingTimeout().toMillis())
			.update();
	}

	private static void buryHopeless(JdbcClient jdbc, EventSettings settings) {
		List<String> buried = jdbc.sql("""
				WITH dead AS (
				    DELETE FROM event_publication
				    WHERE status = 'FAILED' AND completion_attempts >= :max
				    RETURNING id, listener_id, event_type, serialized_event, publication_date, completion_attempts,
				              last_resubmission_date)
				INSERT INTO event_publication_dead (id, listener_id, event_type, serialized_event, publication_date,
				                                    completion_attempts, last_resubmission_date)
				SELECT * FROM dead
				RETURNING listener_id || ' (' || event_type || ', publication ' || id || ')'
				""").param("max", settings.maxAttempts()).query(String.class).list();
		for (String publication : buried) {
			log.error("Gave up on event publication for {} after {} attempts; it is kept in event_publication_dead",
					publication, settings.maxAttempts());
		}
	}

}
