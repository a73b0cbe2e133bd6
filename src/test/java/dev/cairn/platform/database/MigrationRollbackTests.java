package dev.cairn.platform.database;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.platform.CommandFailed;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class MigrationRollbackTests {

	private final DataSource dataSource = TestDatabase.create().dataSource();

	@Test
	void everyMigrationCanBeAppliedRolledBackAndAppliedAgain() {
		flyway(null).migrate();
		SchemaSnapshot applied = SchemaSnapshot.of(this.dataSource);
		assertThat(applied.lines()).anyMatch((line) -> line.startsWith("column tasks.search_vector"));

		List<MigrationVersion> undone = rollback().rollbackTo("0");

		assertThat(undone).hasSize(allVersions().size());
		assertThat(SchemaSnapshot.of(this.dataSource).isEmpty()).isTrue();
		assertThat(flyway(null).info().applied()).isEmpty();

		flyway(null).migrate();
		assertThat(SchemaSnapshot.of(this.dataSource)).isEqualTo(applied);
	}

	@Test
	void eachMigrationsDownScriptRestoresThePreviousSchemaExactly() {
		SchemaSnapshot before = SchemaSnapshot.of(this.dataSource);
		String previous = "0";
		for (MigrationVersion version : allVersions()) {
			flyway(version).migrate();
			SchemaSnapshot after = SchemaSnapshot.of(this.dataSource);
			assertThat(after).as("version %s changes the schema", version).isNotEqualTo(before);

			assertThat(rollback().rollbackTo(previous)).containsExactly(version);
			assertThat(SchemaSnapshot.of(this.dataSource)).as("schema after undoing %s", version).isEqualTo(before);
			assertThat(currentVersion()).isEqualTo(previous);

			flyway(version).migrate();
			assertThat(SchemaSnapshot.of(this.dataSource)).as("schema after redoing %s", version).isEqualTo(after);
			before = after;
			previous = version.getVersion();
		}
	}

	@Test
	void rollingBackToAnUnknownVersionChangesNothing() {
		flyway(null).migrate();
		SchemaSnapshot applied = SchemaSnapshot.of(this.dataSource);

		assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> rollback().rollbackTo("42"))
			.withMessageContaining("Version 42 is not an applied migration");
		assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> rollback().rollbackTo("latest"))
			.withMessageContaining("--to needs a migration version");

		assertThat(SchemaSnapshot.of(this.dataSource)).isEqualTo(applied);
	}

	@Test
	void historyStaysTrueSoMigrateReappliesWhatWasRolledBack() {
		flyway(null).migrate();
		rollback().rollbackTo("4");
		assertThat(currentVersion()).isEqualTo("4");
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT to_regclass('public.tasks') IS NULL AND to_regclass('public.projects') IS NOT NULL")
			.query(Boolean.class)
			.single()).isTrue();

		int reapplied = flyway(null).migrate().migrationsExecuted;

		assertThat(reapplied).isEqualTo(allVersions().size() - 4);
		assertThat(flyway(null).validateWithResult().validationSuccessful).isTrue();
	}

	@Test
	void everyMigrationHasADownScript() throws Exception {
		for (MigrationVersion version : allVersions()) {
			assertThat(new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/rollback/U" + version + "__*.sql")).as("down script of %s", version)
				.hasSize(1);
		}
	}

	private Flyway flyway(MigrationVersion target) {
		var configuration = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

	private SchemaRollback rollback() {
		return new SchemaRollback(flyway(null), this.dataSource);
	}

	private List<MigrationVersion> allVersions() {
		return Arrays.stream(flyway(null).info().all()).map(MigrationInfo::getVersion).distinct().sorted().toList();
	}

	private String currentVersion() {
		MigrationInfo current = flyway(null).info().current();
		return (current != null) ? current.getVersion().getVersion() : "0";
	}

}
