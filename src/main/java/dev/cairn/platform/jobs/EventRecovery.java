package dev.cairn.platform.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * The other half of the outbox. Publications whose listener never ran (the node died
 * between commit and delivery) or never finished are marked failed once stale, as are
 * those whose listener threw; then the failed ones are handed to their listener again.
 * One node at a time does this (it is a db-scheduler job), so two nodes never resubmit
 * the same publication at once. Listeners are idempotent: they may see an event more than
 * once, never zero times.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventSettings.class)
class EventRecovery {

	private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);

	@Bean
	RecurringTask<Void> eventRecoveryJob(EventPublicationRegistry registry, FailedEventPublications failed,
			EventSettings settings) {
		return Tasks.recurring("event-publication-recovery", FixedDelay.of(settings.recoveryInterval()))
			.execute((instance, context) -> {
				registry.markStalePublicationsFailed((status) -> staleness(status, settings));
				failed.resubmit(ResubmissionOptions.defaults().withFilter((publication) -> {
					log.info("Resubmitting event publication {} ({}, {} attempts so far)", publication.getIdentifier(),
							publication.getEvent().getClass().getSimpleName(), publication.getCompletionAttempts());
					return true;
				}));
			});
	}

	private static Duration staleness(EventPublication.Status status, EventSettings settings) {
		return (status == EventPublication.Status.PROCESSING) ? settings.processingTimeout() : settings.staleAfter();
	}

}
