package dev.cairn.platform.database;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.stereotype.Component;

/**
 * {@code migrate}: applies pending migrations and says where the schema stands.
 */
@Component
class MigrateCommand implements CairnCommand {

	private final Flyway flyway;

	MigrateCommand(Flyway flyway) {
		this.flyway = flyway;
	}

	@Override
	public String name() {
		return "migrate";
	}

	@Override
	public int run(CommandOptions options) {
		MigrateResult result = this.flyway.migrate();
		String version = (result.targetSchemaVersion != null) ? result.targetSchemaVersion
				: String.valueOf(this.flyway.info().current().getVersion());
		System.out.printf("Applied %d migration(s); the schema is at version %s.%n", result.migrationsExecuted,
				version);
		return 0;
	}

}
