package dev.cairn.platform.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an event publication counts as lost, how often lost ones are handed to their
 * listener again, and when Cairn gives up on one.
 *
 * @param recoveryInterval {@code CAIRN_EVENTS_RECOVERY_INTERVAL}: how often one node
 * looks for lost and failed publications
 * @param staleAfter {@code CAIRN_EVENTS_STALE_AFTER}: a publication whose listener has
 * not started this long after the commit or its last resubmission (its node died first)
 * is lost
 * @param processingTimeout {@code CAIRN_EVENTS_PROCESSING_TIMEOUT}: a listener that
 * started and has not finished in this time (its node died meanwhile) has failed
 * @param maxAttempts {@code CAIRN_EVENTS_MAX_ATTEMPTS}: after this many failed attempts a
 * publication moves to {@code event_publication_dead}, with an error in the log
 * @param batchSize publications resubmitted per run
 */
@Validated
@ConfigurationProperties("cairn.events")
record EventSettings(@DefaultValue("30s") Duration recoveryInterval, @DefaultValue("1m") Duration staleAfter,
		@DefaultValue("5m") Duration processingTimeout, @DefaultValue("50") @Min(1) int maxAttempts,
		@DefaultValue("1000") @Min(1) int batchSize) {

}
