package dev.cairn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against a real PostgreSQL. All such tests share
 * one migrated database, so each makes its own rows and never counts someone else's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test client is 127.0.0.1: per-IP throttling is tested on its own (ThrottleTests).
// Background work on a test's time scale: jobs polled often, lost events found in
// seconds.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.throttle.enabled=false", "cairn.jobs.polling-interval=250ms",
				"cairn.jobs.heartbeat-interval=1s", "cairn.events.recovery-interval=1s", "cairn.events.stale-after=3s",
				"cairn.events.processing-timeout=10s",
				// Webhook receivers run on this machine; retries come in seconds.
				"cairn.webhooks.allowed-hosts=127.0.0.1", "cairn.webhooks.retry-delays=1s,2s,3s",
				"cairn.webhooks.timeout=2s", "cairn.webhooks.connect-timeout=1s",
				// Many contexts share one test server: each keeps few connections idle.
				"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000" })
@ContextConfiguration(initializers = SharedDatabaseInitializer.class)
public @interface IntegrationTest {

}
