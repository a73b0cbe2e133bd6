package dev.cairn.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.platform.RateLimits.Budget;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's budgets: each states its own default, a capacity set alone keeps the budget's
 * period, and docs/api.md's table says what the defaults are.
 */
class RateLimitSettingsTests {

	// A row such as:
	// | signed in | 2000 per minute | `CAIRN_RATE_LIMIT_AUTHENTICATED_CAPACITY`, ...
	private static final Pattern DOCUMENTED = Pattern
		.compile("^\\|[^|]*\\| (\\d+) per minute \\| `CAIRN_RATE_LIMIT_([A-Z]+)_CAPACITY`", Pattern.MULTILINE);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void docsApiListsEachBudgetWithItsDefault() throws IOException {
		String api = Files.readString(Path.of("docs/api.md"));
		this.runner.run((context) -> {
			RateLimitSettings settings = context.getBean(RateLimitSettings.class);
			Map<String, Budget> budgets = Map.of("AUTHENTICATED", settings.authenticated().budget(), "ANONYMOUS",
					settings.anonymous().budget(), "SEARCH", settings.search().budget());
			Matcher row = DOCUMENTED.matcher(api);
			int rows = 0;
			while (row.find()) {
				assertThat(budgets.get(row.group(2))).as(row.group())
					.isEqualTo(new Budget(Long.parseLong(row.group(1)), Duration.ofMinutes(1)));
				rows++;
			}
			assertThat(rows).isEqualTo(budgets.size());
		});
	}

	@Test
	void aCapacityAloneKeepsTheBudgetsPeriod() {
		this.runner.withPropertyValues("cairn.rate-limit.search.capacity=7").run((context) -> {
			RateLimitSettings settings = context.getBean(RateLimitSettings.class);
			assertThat(settings.search().budget()).isEqualTo(new Budget(7, Duration.ofMinutes(1)));
			assertThat(settings.anonymous().budget()).isEqualTo(new Budget(300, Duration.ofMinutes(1)));
		});
	}

	@Test
	void aCapacityOfZeroStopsStartUpNamingIt() {
		this.runner.withPropertyValues("cairn.rate-limit.anonymous.capacity=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("cairn.rate-limit.anonymous.capacity");
		});
	}

	@EnableConfigurationProperties(RateLimitSettings.class)
	static class Config {

	}

}
