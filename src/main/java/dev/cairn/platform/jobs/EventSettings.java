package dev.cairn.platform.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How after-commit listeners run, when an event publication counts as lost, how often
 * lost ones are handed to their listener again, and when Cairn gives up on one.
 *
 * @param listenerThreads Threads per node that run after-commit listeners (webhook
 * fan-out, notifications, mail); each may hold a database connection.
 * @param recoveryInterval How often one node looks for lost and failed publications.
 * @param staleAfter A publication whose listener has not started this long after the
 * commit or its last resubmission (its node died first) is lost.
 * @param processingTimeout A listener that started and has not finished in this time (its
 * node died meanwhile) has failed.
 * @param maxAttempts After this many failed attempts a publication moves to
 * event_publication_dead, with an error in the log.
 * @param batchSize Publications resubmitted per run.
 */
@Validated
@ConfigurationProperties("cairn.events")
public record EventSettings(@DefaultValue("4") @Min(1) @Max(256) int listenerThreads,
		@DefaultValue("30s") Duration recoveryInterval, @DefaultValue("1m") Duration staleAfter,
		@DefaultValue("5m") Duration processingTimeout, @DefaultValue("50") @Min(1) int maxAttempts,
		@DefaultValue("1000") @Min(1) int batchSize) {

}
