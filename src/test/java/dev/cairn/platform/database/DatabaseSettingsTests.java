package dev.cairn.platform.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void noUrlMeansTheEmbeddedDatabaseInDotData() {
		this.runner.run((context) -> {
			DatabaseSettings settings = context.getBean(DatabaseSettings.class);
			assertThat(settings.isEmbedded()).isTrue();
			assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
			assertThat(settings.migrateOnStart()).isTrue();
		});
	}

	@Test
	void aJdbcUrlIsUsedAsItIs() {
		this.runner
			.withPropertyValues("cairn.database.url=jdbc:postgresql://db:5432/cairn?sslmode=require",
					"cairn.database.username=app", "cairn.database.password=secret")
			.run((context) -> {
				DatabaseSettings settings = context.getBean(DatabaseSettings.class);
				assertThat(settings.isEmbedded()).isFalse();
				assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/cairn?sslmode=require");
				assertThat(settings.effectiveUsername()).isEqualTo("app");
				assertThat(settings.effectivePassword()).isEqualTo("secret");
			});
	}

	@Test
	void aPostgresUrlCarriesItsOwnCredentials() {
		this.runner.withPropertyValues("cairn.database.url=postgres://app:p%40ss@db.example.com/cairn?sslmode=require")
			.run((context) -> {
				DatabaseSettings settings = context.getBean(DatabaseSettings.class);
				assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/cairn?sslmode=require");
				assertThat(settings.effectiveUsername()).isEqualTo("app");
				assertThat(settings.effectivePassword()).isEqualTo("p@ss");
			});
	}

	@Test
	void anotherKindOfUrlStopsStartUpNamingTheSetting() {
		this.runner.withPropertyValues("cairn.database.url=mysql://db/cairn").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("cairn.database.url")
				.hasMessageContaining("must be a PostgreSQL URL");
		});
	}

	@Test
	void theExternalDatabaseIsDescribedWithoutItsPassword() {
		var server = new DatabaseServer.External("jdbc:postgresql://db/cairn?user=app&password=secret", "app", null);
		assertThat(server.description()).contains("password=***").doesNotContain("secret");
	}

	@EnableConfigurationProperties(DatabaseSettings.class)
	static class Config {

	}

}
