package dev.cairn.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each {@link IntegrationTest} application context a database of its own, migrated
 * already ({@link TestDatabase#migrated()}). Spring's test context cache starts one
 * context per distinct configuration, so each configuration has its own rows, caches and
 * job queue: a context that runs jobs never picks up a job another one scheduled, and a
 * test never counts what a differently configured one made.
 */
class ContextDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of(TestDatabase.migrated().properties()).applyTo(context);
	}

}
