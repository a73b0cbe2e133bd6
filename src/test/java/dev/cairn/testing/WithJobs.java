package dev.cairn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs background jobs (db-scheduler) in this test class's application context, as every
 * Cairn node does in production: webhook deliveries and their retries, the event
 * publication recovery, purges, reminders and digests. Off otherwise
 * (src/test/resources/config), so that a test that is not about jobs neither waits on
 * them nor has them change its rows. The classes that say this share one context, and so
 * one database of their own ({@link IntegrationTest}): its jobs are theirs alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = "cairn.jobs.enabled=true")
public @interface WithJobs {

}
