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
 * @param enabled {@code CAIRN_JOBS_ENABLED}: whether this node takes part in running
 * jobs; a node that does not still schedules them for the others
 * @param threads {@code CAIRN_JOBS_THREADS}: jobs running at once on this node
 * @param pollingInterval {@code CAIRN_JOBS_POLLING_INTERVAL}: how often the node looks
 * for due jobs scheduled by other nodes (its own run at once)
 * @param heartbeatInterval {@code CAIRN_JOBS_HEARTBEAT_INTERVAL}: a running job's sign of
 * life; after six missed ones another node takes the job over
 * @param shutdownMaxWait {@code CAIRN_JOBS_SHUTDOWN_MAX_WAIT}: how long a stopping node
 * waits for its running jobs, after it has answered its requests in flight
 */
@Validated
@ConfigurationProperties("cairn.jobs")
record JobsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("16") @Min(1) @Max(256) int threads,
		@DefaultValue("1s") Duration pollingInterval, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("15s") Duration shutdownMaxWait) {

}
