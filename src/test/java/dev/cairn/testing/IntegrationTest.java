package dev.cairn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against a real PostgreSQL, with a client for it.
 * Each distinct configuration of this (Spring starts one context per configuration and
 * caches it) has a database of its own, which the test classes sharing the configuration
 * share: each test makes its own rows and never counts someone else's. Background jobs do
 * not run unless the class says {@link WithJobs}. A test fails when the server answers it
 * a status the API description does not declare ({@link UndeclaredStatuses}).
 * <p>
 * Every setting here is one all tests can live with, so that they share one context: a
 * test that needs another setting at start-up pays for a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test client is 127.0.0.1: per-IP throttling is tested on its own (ThrottleTests).
// The scrape token is MetricsApiTests'; no other test scrapes.
// Jobs, events and webhooks run on a test's time scale: src/test/resources/config.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cairn.throttle.enabled=false", "cairn.metrics.scrape-token=" + IntegrationTest.SCRAPE_TOKEN })
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = ContextDatabaseInitializer.class)
@Import(UndeclaredStatuses.Recorder.class)
@ExtendWith(UndeclaredStatuses.class)
public @interface IntegrationTest {

	/** The bearer token Prometheus's scrape needs in every test context. */
	String SCRAPE_TOKEN = "scrape-7c1e0f3a9b";

}
