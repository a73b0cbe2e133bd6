package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.cairn.platform.database.EmbeddedPostgres;
import org.apache.commons.io.file.PathUtils;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL (the same embedded server Cairn runs in production) for the whole
 * test JVM, with a fresh database for each test class or scenario that asks for one:
 * empty ({@link #create()}), or already migrated ({@link #migrated()}, a copy of a
 * template the JVM migrates once).
 * <p>
 * These databases trade durability for speed: a commit does not wait for its WAL to reach
 * the disk (a crash would lose the last ones, which the tests throw away anyway). The
 * server itself keeps PostgreSQL's defaults, as in production (EmbeddedPostgresTests).
 */
public final class TestDatabase {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final String TEST_ENCRYPTION_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMzJieXQ=";

	private static EmbeddedPostgres server;

	private static Path serverDir;

	private static String template;

	// Each data dir holds a database cluster: removed when the JVM exits.
	private static final List<Path> temporaryDirs = new CopyOnWriteArrayList<>();

	// The binaries every data dir links to: unpacking them takes a core seconds, so they
	// are kept in target/ from one run to the next (mvn clean removes them; a new
	// archive unpacks beside the old one, in a folder named after its content).
	private static final Path sharedRuntime = Path.of("target", "test-postgres-runtime").toAbsolutePath();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::cleanUp, "test-database-clean-up"));
	}

	private TestDatabase() {
	}

	/** The shared server, started on first use and stopped when the JVM exits. */
	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			serverDir = temporaryDataDir("cairn-test-db");
			server = EmbeddedPostgres.start(serverDir, "nobody");
		}
		return server;
	}

	/** A new, empty database on the shared server. */
	public static Database create() {
		return createDatabase("");
	}

	/**
	 * A new database on the shared server with every migration applied: a copy of a
	 * template migrated once per JVM, which takes a fraction of the time migrating takes.
	 * Flyway finds nothing to do on it.
	 */
	public static Database migrated() {
		return createDatabase(" TEMPLATE " + template());
	}

	private static synchronized String template() {
		if (template == null) {
			Database database = create();
			Flyway.configure().dataSource(database.dataSource()).load().migrate();
			template = database.name();
			// A database is copied only while nobody is connected to it.
			execute(server(), "postgres", "ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS false",
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template + "'");
		}
		return template;
	}

	private static Database createDatabase(String options) {
		EmbeddedPostgres postgres = server();
		String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		execute(postgres, "postgres", "CREATE DATABASE " + name + options,
				"ALTER DATABASE " + name + " SET synchronous_commit = off");
		return new Database(postgres.jdbcUrl(name), postgres.username(), postgres.password());
	}

	private static void execute(EmbeddedPostgres postgres, String database, String... statements) {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A temporary folder the embedded server may use even when the tests run as root (the
	 * server then runs as another account, which must be able to enter it). Its
	 * {@code runtime} folder, where the server unpacks its binaries, links to one shared
	 * by every such folder, so that the binaries are unpacked once.
	 */
	public static Path temporaryDataDir(String prefix) {
		try {
			Path dir = enterableTemporaryDir(prefix);
			Files.createSymbolicLink(dir.resolve("runtime"), sharedRuntime());
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized Path sharedRuntime() throws IOException {
		if (!Files.isDirectory(sharedRuntime)) {
			Files.createDirectories(sharedRuntime);
			Files.setPosixFilePermissions(sharedRuntime, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		return sharedRuntime;
	}

	private static Path enterableTemporaryDir(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix);
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			temporaryDirs.add(dir);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// The other tests' dirs go first and the shared server's last: stopping the server
	// can take a while on a busy machine, and Surefire kills a JVM that takes over 30
	// seconds to exit, which would leave every dir behind.
	private static synchronized void cleanUp() {
		for (Path dir : temporaryDirs) {
			if (!dir.equals(serverDir)) {
				delete(dir);
			}
		}
		if (server != null) {
			server.close();
			delete(serverDir);
		}
	}

	private static void delete(Path dir) {
		try {
			PathUtils.deleteDirectory(dir);
		}
		catch (IOException ex) {
			// Best effort: a server a test left running may still hold files.
		}
	}

	public record Database(String url, String username, String password) {

		String name() {
			return this.url.substring(this.url.lastIndexOf('/') + 1);
		}

		public DataSource dataSource() {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(this.url);
			dataSource.setUser(this.username);
			dataSource.setPassword(this.password);
			return dataSource;
		}

		/**
		 * Spring properties that point Cairn at this database (an external one, as far as
		 * Cairn can tell, so it also needs an encryption key).
		 */
		public String[] properties() {
			return new String[] { "cairn.database.url=" + this.url, "cairn.database.username=" + this.username,
					"cairn.database.password=" + this.password, "cairn.encryption-key=" + TEST_ENCRYPTION_KEY };
		}

	}

}
