package dev.cairn.testing;

import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The test JVM's log output. Logback is configured once per JVM, by the first context
 * that starts (text lines at WARN: src/test/resources/config); later contexts only set
 * levels. A test about the logs switches to the JSON lines Cairn writes in production
 * before its context starts, and back after, so that neither its format nor its levels
 * flood Maven's report for the test classes that follow.
 */
public final class QuietLogs {

	private QuietLogs() {
	}

	/** JSON lines (ECS) at INFO, as Cairn logs by default. */
	public static void asInProduction() {
		reinitialize(Map.of("logging.structured.format.console", "ecs"), LogLevel.INFO);
	}

	/** Text lines at WARN, as the other tests log. */
	public static void restore() {
		reinitialize(Map.of(), LogLevel.WARN);
	}

	private static void reinitialize(Map<String, Object> properties, LogLevel root) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test-logging", properties));
		LoggingSystem logging = LoggingSystem.get(QuietLogs.class.getClassLoader());
		logging.cleanUp();
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, root);
	}

}
