package dev.cairn.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often lost event publications are handed to their listeners again. When one counts
 * as lost is Spring Modulith's staleness setting
 * ({@code spring.modulith.events.staleness}, set from {@code CAIRN_EVENTS_STALE_AFTER}
 * and {@code CAIRN_EVENTS_PROCESSING_TIMEOUT}).
 *
 * @param recoveryInterval {@code CAIRN_EVENTS_RECOVERY_INTERVAL}: how often one node
 * resubmits the publications found lost or failed
 */
@ConfigurationProperties("cairn.events")
record EventSettings(@DefaultValue("30s") Duration recoveryInterval) {

}
