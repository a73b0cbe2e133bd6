package dev.cairn.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics.
 *
 * @param scrapeToken {@code CAIRN_METRICS_SCRAPE_TOKEN}: the bearer token Prometheus
 * sends for {@code /actuator/prometheus} (its {@code authorization.credentials}); blank,
 * nobody may scrape
 */
@ConfigurationProperties("cairn.metrics")
record MetricsScrapeSettings(String scrapeToken) {

}
