package dev.cairn.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an event publication counts as lost, and how often lost ones are handed to their
 * listener again.
 *
 * @param recoveryInterval {@code CAIRN_EVENTS_RECOVERY_INTERVAL}: how often one node
 * looks for lost and failed publications
 * @param staleAfter {@code CAIRN_EVENTS_STALE_AFTER}: a publication whose listener has
 * not started this long after the commit (its node died first) is lost
 * @param processingTimeout {@code CAIRN_EVENTS_PROCESSING_TIMEOUT}: a listener that
 * started and has not finished in this time (its node died meanwhile) has failed
 */
@ConfigurationProperties("cairn.events")
record EventSettings(@DefaultValue("30s") Duration recoveryInterval, @DefaultValue("1m") Duration staleAfter,
		@DefaultValue("5m") Duration processingTimeout) {

}
