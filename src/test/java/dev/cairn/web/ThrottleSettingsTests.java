package dev.cairn.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.platform.RateLimits.Budget;
import dev.cairn.web.Throttle.Rule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each throttle rule's default is its own ({@link Rule}); the settings change a capacity
 * or a period, and docs/security.md lists the defaults as they are.
 */
class ThrottleSettingsTests {

	// | `login-account` | 10 per 15 minutes |
	private static final Pattern DOCUMENTED = Pattern
		.compile("^\\| `([a-z-]+)`[^|]*\\| (\\d+) per (?:(\\d+) )?(minute|hour|day)s? \\|$", Pattern.MULTILINE);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void docsSecurityListsEachRuleWithItsDefault() throws IOException {
		Map<String, Budget> documented = new TreeMap<>();
		Matcher row = DOCUMENTED.matcher(Files.readString(Path.of("docs/security.md")));
		while (row.find()) {
			long count = (row.group(3) != null) ? Long.parseLong(row.group(3)) : 1;
			Duration unit = switch (row.group(4)) {
				case "minute" -> Duration.ofMinutes(1);
				case "hour" -> Duration.ofHours(1);
				default -> Duration.ofDays(1);
			};
			documented.put(row.group(1), new Budget(Long.parseLong(row.group(2)), unit.multipliedBy(count)));
		}
		Map<String, Budget> defaults = new TreeMap<>();
		for (Rule rule : Rule.values()) {
			defaults.put(rule.key(), rule.defaultBudget());
		}
		assertThat(documented).isEqualTo(defaults);
	}

	@Test
	void withNothingSetEachRuleHasItsDefault() {
		this.runner.run((context) -> {
			ThrottleSettings settings = context.getBean(ThrottleSettings.class);
			assertThat(settings.enabled()).isTrue();
			for (Rule rule : Rule.values()) {
				assertThat(settings.budget(rule)).isEqualTo(rule.defaultBudget());
			}
		});
	}

	@Test
	void aCapacityAloneKeepsTheRulesPeriod() {
		this.runner.withPropertyValues("cairn.throttle.limits.login-account.capacity=3").run((context) -> {
			ThrottleSettings settings = context.getBean(ThrottleSettings.class);
			assertThat(settings.budget(Rule.LOGIN_ACCOUNT)).isEqualTo(new Budget(3, Duration.ofMinutes(15)));
			assertThat(settings.budget(Rule.LOGIN_IP)).isEqualTo(Rule.LOGIN_IP.defaultBudget());
		});
	}

	@Test
	void anEnvironmentVariableNamesTheRuleWithoutItsDashes() {
		Map<String, Object> variables = Map.of("CAIRN_THROTTLE_LIMITS_LOGINACCOUNT_PERIOD", "1h");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables)))
			.run((context) -> assertThat(context.getBean(ThrottleSettings.class).budget(Rule.LOGIN_ACCOUNT))
				.isEqualTo(new Budget(10, Duration.ofHours(1))));
	}

	@Test
	void aMisspelledRuleStopsStartUpNamingIt() {
		this.runner.withPropertyValues("cairn.throttle.limits.login-acount.capacity=3").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("cairn.throttle.limits.login-acount is no rule")
				.hasMessageContaining("login-account");
		});
	}

	@Test
	void aCapacityOfZeroStopsStartUpNamingIt() {
		this.runner.withPropertyValues("cairn.throttle.limits.refresh-ip.capacity=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("cairn.throttle.limits.refresh-ip.capacity must be positive");
		});
	}

	@EnableConfigurationProperties(ThrottleSettings.class)
	static class Config {

	}

}
