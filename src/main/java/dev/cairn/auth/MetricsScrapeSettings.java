package dev.cairn.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics.
 *
 * @param scrapeToken The bearer token Prometheus sends for /actuator/prometheus (its
 * authorization.credentials); blank, nobody may scrape.
 */
@ConfigurationProperties("cairn.metrics")
record MetricsScrapeSettings(String scrapeToken) {

}
