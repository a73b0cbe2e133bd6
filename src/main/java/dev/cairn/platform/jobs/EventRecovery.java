package dev.cairn.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The other half of the outbox. Spring Modulith's staleness monitor marks failed the
 * publications whose listener never ran (the node died between commit and delivery) or
 * never finished; a listener that throws marks its own. This job hands the failed ones to
 * their listener again, on one node at a time (it is a db-scheduler job), so two nodes do
 * not resubmit the same publication at once. Listeners are idempotent: they may see an
 * event more than once, never zero times.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventSettings.class)
// The staleness monitor is a Spring scheduled task; marking is an idempotent update, so
// every node may run it.
@EnableScheduling
class EventRecovery {

	private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);

	@Bean
	RecurringTask<Void> eventRecoveryJob(FailedEventPublications failed, EventSettings settings) {
		return Tasks.recurring("event-publication-recovery", FixedDelay.of(settings.recoveryInterval()))
			.execute((instance, context) -> failed.resubmit(ResubmissionOptions.defaults().withFilter((publication) -> {
				log.info("Resubmitting event publication {} ({}, {} attempts so far)", publication.getIdentifier(),
						publication.getEvent().getClass().getSimpleName(), publication.getCompletionAttempts());
				return true;
			})));
	}

}
