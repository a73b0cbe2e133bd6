package dev.cairn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For the test classes about the logs: Cairn logs as it does in production (JSON lines at
 * INFO, {@link QuietLogs#asInProduction()}) while the class runs, with the loggers given
 * at the levels given, and as the other tests log after. Set at run time, after the
 * application context has started, so the class shares the context of the tests that log
 * quietly rather than starting one with other logging settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LogsAsInProduction.Extension.class)
public @interface LogsAsInProduction {

	/** More levels, as {@code logger=LEVEL} ({@code org.springframework.web=DEBUG}). */
	String[] value() default {};

	class Extension implements BeforeAllCallback, AfterAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			// A context starting later would set its own levels: start it first.
			SpringExtension.getApplicationContext(context);
			QuietLogs.asInProduction();
			LoggingSystem logging = LoggingSystem.get(LogsAsInProduction.class.getClassLoader());
			LogsAsInProduction settings = context.getRequiredTestClass().getAnnotation(LogsAsInProduction.class);
			for (String setting : settings.value()) {
				String[] parts = setting.split("=", 2);
				logging.setLogLevel(parts[0].strip(), LogLevel.valueOf(parts[1].strip()));
			}
		}

		@Override
		public void afterAll(ExtensionContext context) {
			QuietLogs.restore();
		}

	}

}
