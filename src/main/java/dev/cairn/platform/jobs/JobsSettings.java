package dev.cairn.platform.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node runs background jobs (docs/operations.md).
 *
 * @param enabled Whether this node takes part in running jobs; a node that does not still
 * schedules them for the others.
 * @param threads Jobs running at once on this node.
 * @param pollingInterval How often the node looks for due jobs scheduled by other nodes
 * (its own run at once).
 * @param heartbeatInterval A running job's sign of life; after six missed ones another
 * node takes the job over.
 * @param shutdownMaxWait How long a stopping node waits for its running jobs, after it
 * has answered its requests in flight.
 */
@Validated
@ConfigurationProperties("cairn.jobs")
record JobsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("16") @Min(1) @Max(256) int threads,
		@DefaultValue("1s") Duration pollingInterval, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("15s") Duration shutdownMaxWait) {

}
