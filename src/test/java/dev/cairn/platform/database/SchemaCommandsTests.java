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

			assertThat(cairn.run("migrate", Map.of()).text())
				.startsWith("Applied 9 migration(s); the schema is at version 9.");
			assertThat(cairn.run("rollback", Map.of("to", "6")).text())
				.isEqualTo("Rolled back version 9%nRolled back version 8%nRolled back version 7%n".formatted());
			assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("6");
			assertThat(cairn.run("rollback", Map.of("to", "6")).text()).startsWith("Nothing to roll back.");
			assertThat(cairn.run("migrate", Map.of()).text()).startsWith("Applied 3 migration(s)");
			assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> cairn.run("rollback", Map.of()))
				.withMessage("missing option --to");
		}
	}

}
