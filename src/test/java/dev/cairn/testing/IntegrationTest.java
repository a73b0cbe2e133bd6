package dev.cairn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against a real PostgreSQL. All such tests share
 * one migrated database, so each makes its own rows and never counts someone else's. A
 * test fails when the server answers it a status the API description does not declare
 * ({@link UndeclaredStatuses}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test client is 127.0.0.1: per-IP throttling is tested on its own (ThrottleTests).
// Jobs, events and webhooks run on a test's time scale: src/test/resources/config.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cairn.throttle.enabled=false")
@ContextConfiguration(initializers = SharedDatabaseInitializer.class)
@Import(UndeclaredStatuses.Recorder.class)
@ExtendWith(UndeclaredStatuses.class)
public @interface IntegrationTest {

}
