package dev.cairn.platform.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.cairn.CairnApplication;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands as the jar runs them, through the launcher.
 */
@Isolated
class CairnLauncherTests {

	private final TestDatabase.Database database = TestDatabase.create();

	@Test
	void rollbackDoesNotMigrateFirstEvenWhenTheConfigurationSaysSo() throws Exception {
		int latest = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length;
		assertThat(run("migrate"))
			.isEqualTo("Applied %d migration(s); the schema is at version %d.\n".formatted(latest, latest));
		assertThat(run("rollback", "--to", "3")).startsWith("Rolled back version " + latest);
		assertThat(schemaVersion()).isEqualTo("3");

		// Migrating on start is on by default (CAIRN_DATABASE_MIGRATE_ON_START), yet
		// rollback must not bring the schema forward before it takes it back.
		assertThat(run("rollback", "--to", "2")).isEqualTo("Rolled back version 3\n");
		assertThat(schemaVersion()).isEqualTo("2");

		assertThat(run("migrate"))
			.isEqualTo("Applied %d migration(s); the schema is at version %d.\n".formatted(latest - 2, latest));
	}

	@Test
	void aFailedCommandExitsWithStatusOne() {
		int exitCode = CairnLauncher.run(CairnApplication.class,
				(Invocation.Command) Invocation.parse("rollback", "--to", "99"), this.database.properties());
		assertThat(exitCode).isEqualTo(1);
	}

	private String run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int exitCode = CairnLauncher.run(CairnApplication.class, (Invocation.Command) Invocation.parse(args),
					this.database.properties());
			assertThat(exitCode).isZero();
			return captured.toString(StandardCharsets.UTF_8);
		}
		finally {
			System.setOut(original);
		}
	}

	private String schemaVersion() {
		return JdbcClient.create(this.database.dataSource())
			.sql("SELECT max(version::int)::text FROM flyway_schema_history")
			.query(String.class)
			.single();
	}

}
