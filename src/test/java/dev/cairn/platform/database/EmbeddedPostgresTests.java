package dev.cairn.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.cairn.platform.StartupFailure;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class EmbeddedPostgresTests {

	@Test
	void dataSurvivesARestart() throws Exception {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-restart");
		try (EmbeddedPostgres first = EmbeddedPostgres.start(dataDir, "nobody")) {
			execute(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
		}
		try (EmbeddedPostgres second = EmbeddedPostgres.start(dataDir, "nobody")) {
			assertThat(queryOne(second, "SELECT value FROM kept")).isEqualTo("still here");
		}
	}

	@Test
	void listensOnLoopbackOnlyAndNeedsThePassword() throws Exception {
		EmbeddedPostgres postgres = TestDatabase.server();
		assertThat(queryOne(postgres, "SELECT current_setting('listen_addresses')")).isEqualTo("127.0.0.1");
		assertThat(queryOne(postgres, "SELECT current_setting('fsync') || current_setting('synchronous_commit')"))
			.isEqualTo("onon");
		assertThatExceptionOfType(java.sql.SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "wrong").close())
			.withMessageContaining("password authentication failed");
	}

	@Test
	void aSecondServerOnTheSameDataDirIsRefusedClearly() {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-locked");
		try (EmbeddedPostgres first = EmbeddedPostgres.start(dataDir, "nobody")) {
			assertThatExceptionOfType(StartupFailure.class).isThrownBy(() -> EmbeddedPostgres.start(dataDir, "nobody"))
				.withMessageContaining("Another Cairn is already running on the data dir " + dataDir.toAbsolutePath());
			assertThat(first.isRunning()).isTrue();
		}
	}

	@Test
	void aDataDirFromAnotherMajorVersionIsRefusedClearly() throws Exception {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-old");
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres/PG_VERSION"), "14\n");
		Files.writeString(dataDir.resolve("postgres.password"), "secret");
		assertThatExceptionOfType(StartupFailure.class).isThrownBy(() -> EmbeddedPostgres.start(dataDir, "nobody"))
			.withMessageContaining("was created by PostgreSQL 14");
		// The lock is released after a failed start, so a corrected start can go ahead.
		DataDirectoryLock.acquire(dataDir.toAbsolutePath()).close();
	}

	// What `mktemp -d` makes: a folder only root may enter. The server would fail inside
	// initdb with "runuser: failed to execute .../initdb: Permission denied".
	@Test
	void aDataDirTheServersAccountCannotReachIsRefusedSayingWhichFolderAndWhatToDo() throws Exception {
		assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
				"only a root process hands the server to another account");
		Path privateParent = TestDatabase.temporaryDataDir("cairn-private");
		Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));
		Path dataDir = privateParent.resolve("data");

		assertThatExceptionOfType(StartupFailure.class).isThrownBy(() -> EmbeddedPostgres.start(dataDir, "nobody"))
			.withMessageContaining("'nobody', which cannot enter " + privateParent + " ")
			.satisfies((ex) -> assertThat(ex.action()).contains("chmod o+x " + privateParent));
		// Nothing was unpacked, and the lock was let go.
		assertThat(dataDir.resolve("runtime")).doesNotExist();
		DataDirectoryLock.acquire(dataDir.toAbsolutePath()).close();

		Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx--x--x"));
		try (EmbeddedPostgres started = EmbeddedPostgres.start(dataDir, "nobody")) {
			assertThat(started.isRunning()).isTrue();
		}
	}

	@Test
	void aFolderThatIsNotADatabaseIsLeftAlone() throws Exception {
		Path dataDir = TestDatabase.temporaryDataDir("cairn-foreign");
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres/notes.txt"), "mine");
		assertThatExceptionOfType(StartupFailure.class).isThrownBy(() -> EmbeddedPostgres.start(dataDir, "nobody"))
			.withMessageContaining("is not empty but holds no PostgreSQL database");
		assertThat(dataDir.resolve("postgres/notes.txt")).hasContent("mine");
	}

	private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryOne(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
