package dev.cairn.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.cairn.platform.CommandFailed;
import dev.cairn.testing.CommandContext;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Isolated
class SchemaCommandsTests {

	@Test
	void migrateAndRollbackCommandsMoveTheSchemaBothWays() {
		TestDatabase.Database database = TestDatabase.create();
		try (CommandContext cairn = CommandContext.on(database, "cairn.database.migrate-on-start=false")) {
			Flyway flyway = cairn.bean(Flyway.class);
			assertThat(flyway.info().current()).isNull();

			int latest = latestVersion();
			assertThat(cairn.run("migrate", Map.of()).text())
				.startsWith("Applied %d migration(s); the schema is at version %d.".formatted(latest, latest));
			String to = String.valueOf(latest - 3);
			assertThat(cairn.run("rollback", Map.of("to", to)).text())
				.isEqualTo("Rolled back version %d%nRolled back version %d%nRolled back version %d%n".formatted(latest,
						latest - 1, latest - 2));
			assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(to);
			assertThat(cairn.run("rollback", Map.of("to", to)).text()).startsWith("Nothing to roll back.");
			assertThat(cairn.run("migrate", Map.of()).text()).startsWith("Applied 3 migration(s)");
			assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> cairn.run("rollback", Map.of()))
				.withMessage("missing option --to");
		}
	}

	/**
	 * Migrations are numbered 1..n without gaps, so the latest version is their count.
	 */
	static int latestVersion() {
		try {
			return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
