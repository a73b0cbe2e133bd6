package dev.cairn.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points an application context at the database shared by all {@link IntegrationTest}s.
 */
class SharedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static TestDatabase.Database shared;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of(database().properties()).applyTo(context);
	}

	private static synchronized TestDatabase.Database database() {
		if (shared == null) {
			shared = TestDatabase.create();
		}
		return shared;
	}

}
