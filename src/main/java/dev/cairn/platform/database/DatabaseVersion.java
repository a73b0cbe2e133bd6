package dev.cairn.platform.database;

import javax.sql.DataSource;

import dev.cairn.platform.StartupFailure;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses PostgreSQL older than 15: the schema uses {@code ON DELETE SET NULL (column)}
 * and other features from 15 on.
 */
final class DatabaseVersion {

	static final int MINIMUM = 150000;

	private DatabaseVersion() {
	}

	static void requireSupported(DataSource dataSource) {
		Integer version = new JdbcTemplate(dataSource)
			.queryForObject("SELECT current_setting('server_version_num')::int", Integer.class);
		if (version == null || version < MINIMUM) {
			throw new StartupFailure("The database runs PostgreSQL " + version + "; Cairn needs 15 or newer.",
					"Upgrade PostgreSQL, or point CAIRN_DATABASE_URL at a newer server.");
		}
	}

}
