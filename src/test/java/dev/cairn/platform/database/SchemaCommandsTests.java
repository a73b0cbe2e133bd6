package dev.cairn.platform.database;

import java.util.Map;

import dev.cairn.platform.CommandFailed;
import dev.cairn.testing.CommandContext;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaCommandsTests {

	@Test
	void migrateAndRollbackCommandsMoveTheSchemaBothWays() {
		TestDatabase.Database database = TestDatabase.create();
		try (CommandContext cairn = CommandContext.on(database, "cairn.database.migrate-on-start=false")) {
			Flyway flyway = cairn.bean(Flyway.class);
			assertThat(flyway.info().current()).isNull();
			int latest = flyway.info().pending().length;

			assertThat(cairn.run("migrate", Map.of()).text())
				.startsWith("Applied %d migration(s); the schema is at version %d.".formatted(latest, latest));
			assertThat(cairn.run("rollback", Map.of("to", "6")).text()).isEqualTo(
					java.util.stream.IntStream.iterate(latest, (version) -> version > 6, (version) -> version - 1)
						.mapToObj("Rolled back version %d%n"::formatted)
						.collect(java.util.stream.Collectors.joining()));
			assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("6");
			assertThat(cairn.run("rollback", Map.of("to", "6")).text()).startsWith("Nothing to roll back.");
			assertThat(cairn.run("migrate", Map.of()).text()).startsWith("Applied " + (latest - 6) + " migration(s)");
			assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> cairn.run("rollback", Map.of()))
				.withMessage("missing option --to");
		}
	}

}
