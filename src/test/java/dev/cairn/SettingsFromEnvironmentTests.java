package dev.cairn;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ...Settings} record bound from application.yaml and the environment, as
 * the server binds them: a variable with the relaxed name of a property sets it without a
 * line in application.yaml, and the variables whose names differ reach their property
 * through it.
 */
class SettingsFromEnvironmentTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void withoutVariablesEachSettingHasItsDefault() {
		withVariables(Map.of()).run((context) -> {
			assertThat(settings(context, "web.WebSettings"))
				.isEqualTo("WebSettings[maxBodySize=1048576B, idempotencyLease=PT2M, trustedProxies=[]]");
			assertThat(settings(context, "platform.database.DatabaseSettings")).contains("dataDir=data,");
			assertThat(settings(context, "auth.AuthSettings")).contains("issuer=http://localhost:8080,")
				.contains("corsAllowedOrigins=[]");
			assertThat(settings(context, "platform.jobs.EventSettings")).contains("listenerThreads=4,");
			assertThat(context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"))
				.isEqualTo("10");
		});
	}

	@Test
	void aVariableWithTheRelaxedNameSetsItsProperty() {
		withVariables(Map.of("CAIRN_WEB_MAX_BODY_SIZE", "2MB", "CAIRN_EVENTS_LISTENER_THREADS", "8",
				"CAIRN_RATE_LIMIT_SEARCH_CAPACITY", "7", "CAIRN_WEBHOOKS_RETRY_DELAYS", "7s,8s",
				"CAIRN_DATABASE_EMBEDDED_USER", "postgres"))
			.run((context) -> {
				assertThat(settings(context, "web.WebSettings")).contains("maxBodySize=2097152B");
				assertThat(settings(context, "platform.jobs.EventSettings")).contains("listenerThreads=8,");
				assertThat(settings(context, "web.RateLimitSettings"))
					.contains("search=Search[capacity=7, period=PT1M]");
				assertThat(settings(context, "webhooks.WebhookSettings")).contains("retryDelays=[PT7S, PT8S]");
				assertThat(settings(context, "platform.database.DatabaseSettings")).contains("embeddedUser=postgres");
			});
	}

	@Test
	void theVariablesNamedOtherwiseReachTheirProperties() {
		withVariables(Map.of("CAIRN_DATA_DIR", "/var/lib/cairn", "CAIRN_TRUSTED_PROXIES", "10.0.0.0/8,fd00::/64",
				"CAIRN_CORS_ALLOWED_ORIGINS", "https://app.example.com", "CAIRN_PUBLIC_URL",
				"https://cairn.example.com", "CAIRN_DATABASE_POOL_SIZE", "30"))
			.run((context) -> {
				assertThat(settings(context, "platform.database.DatabaseSettings")).contains("dataDir=/var/lib/cairn,");
				assertThat(settings(context, "web.WebSettings")).contains("trustedProxies=[10.0.0.0/8, fd00::/64]");
				assertThat(settings(context, "auth.AuthSettings")).contains("issuer=https://cairn.example.com,")
					.contains("corsAllowedOrigins=[https://app.example.com]");
				assertThat(context.getEnvironment().getProperty("cairn.public-url"))
					.isEqualTo("https://cairn.example.com");
				assertThat(context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"))
					.isEqualTo("30");
			});
	}

	private ApplicationContextRunner withVariables(Map<String, Object> variables) {
		return this.runner.withInitializer((context) -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables));
			ConfigurationPropertySources.attach(environment);
		}).withInitializer(new ConfigDataApplicationContextInitializer());
	}

	// The records are their modules' own (package-private): read through their toString.
	private static String settings(AssertableApplicationContext context, String type) throws ClassNotFoundException {
		return context.getBean(Class.forName("dev.cairn." + type)).toString();
	}

	@ConfigurationPropertiesScan("dev.cairn")
	static class Config {

	}

}
