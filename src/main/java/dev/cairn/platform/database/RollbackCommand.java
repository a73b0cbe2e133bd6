package dev.cairn.platform.database;

import java.util.List;

import javax.sql.DataSource;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.stereotype.Component;

/**
 * {@code rollback --to <version>}: runs down scripts until the schema is at that version.
 */
@Component
class RollbackCommand implements CairnCommand {

	private final SchemaRollback rollback;

	RollbackCommand(Flyway flyway, DataSource dataSource) {
		this.rollback = new SchemaRollback(flyway, dataSource);
	}

	@Override
	public String name() {
		return "rollback";
	}

	@Override
	public int run(CommandOptions options) {
		List<MigrationVersion> undone = this.rollback.rollbackTo(options.require("to"));
		if (undone.isEmpty()) {
			System.out.println("Nothing to roll back.");
		}
		undone.forEach((version) -> System.out.println("Rolled back version " + version));
		return 0;
	}

}
