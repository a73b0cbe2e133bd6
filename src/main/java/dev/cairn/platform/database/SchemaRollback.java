package dev.cairn.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.platform.CommandFailed;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Takes the schema back to an earlier version by running the down scripts
 * ({@code db/rollback/U<n>__<what>.sql}) of the applied migrations newest first, each in
 * its own transaction together with the removal of its row from Flyway's history, so the
 * history always says exactly which migrations the schema holds.
 */
final class SchemaRollback {

	private final Flyway flyway;

	private final DataSource dataSource;

	SchemaRollback(Flyway flyway, DataSource dataSource) {
		this.flyway = flyway;
		this.dataSource = dataSource;
	}

	/**
	 * Rolls back every applied migration newer than {@code target} ({@code 0} for all).
	 * @return the versions rolled back, newest first
	 * @throws CommandFailed when the target is not an applied version, the history holds
	 * a failed migration, or a down script is missing (checked before anything changes)
	 */
	List<MigrationVersion> rollbackTo(String target) {
		MigrationVersion targetVersion = parse(target);
		MigrationInfo[] applied = this.flyway.info().applied();
		for (MigrationInfo info : applied) {
			if (info.getState() == MigrationState.FAILED) {
				throw new CommandFailed("Migration " + info.getVersion() + " failed earlier; repair the schema "
						+ "history first (see docs/operations.md).");
			}
		}
		boolean targetKnown = targetVersion.equals(MigrationVersion.fromVersion("0"))
				|| Arrays.stream(applied).anyMatch((info) -> targetVersion.equals(info.getVersion()));
		if (!targetKnown) {
			throw new CommandFailed("Version " + target + " is not an applied migration; applied: "
					+ Arrays.stream(applied).map((info) -> info.getVersion().toString()).toList());
		}
		List<MigrationInfo> toUndo = Arrays.stream(applied)
			.filter((info) -> info.getVersion() != null && info.getVersion().isNewerThan(targetVersion.getVersion()))
			.sorted(Comparator.comparing(MigrationInfo::getVersion).reversed())
			.toList();
		List<String> scripts = toUndo.stream().map(this::downScript).toList();
		List<MigrationVersion> undone = new ArrayList<>();
		for (int i = 0; i < toUndo.size(); i++) {
			undo(toUndo.get(i).getVersion(), scripts.get(i));
			undone.add(toUndo.get(i).getVersion());
		}
		return undone;
	}

	private void undo(MigrationVersion version, String script) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement forget = connection
						.prepareStatement("DELETE FROM " + historyTable() + " WHERE version = ?")) {
				statement.execute(script);
				forget.setString(1, version.getVersion());
				forget.executeUpdate();
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new CommandFailed(
					"Rolling back version " + version + " failed, nothing of it was changed: " + ex.getMessage());
		}
	}

	private String downScript(MigrationInfo info) {
		String pattern = "classpath*:db/rollback/U" + info.getVersion() + "__*.sql";
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
			if (found.length != 1) {
				throw new CommandFailed("Expected one down script for version " + info.getVersion() + " ("
						+ pattern.substring("classpath*:".length()) + "), found " + found.length);
			}
			return found[0].getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String historyTable() {
		var configuration = this.flyway.getConfiguration();
		String schema = configuration.getDefaultSchema();
		String table = quote(configuration.getTable());
		return (schema != null) ? quote(schema) + "." + table : table;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static MigrationVersion parse(String target) {
		if (target == null || !target.matches("\\d+(\\.\\d+)*")) {
			throw new CommandFailed("--to needs a migration version such as 3 (0 rolls back everything)");
		}
		return MigrationVersion.fromVersion(target);
	}

}
