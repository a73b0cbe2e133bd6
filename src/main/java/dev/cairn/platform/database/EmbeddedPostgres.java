package dev.cairn.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.stream.Stream;

import dev.cairn.platform.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that Cairn runs itself, with its files under
 * {@code <data dir>/postgres}, so that {@code java -jar cairn.jar} works with nothing
 * else installed. Public only so that tests can start one; production code reaches it
 * through {@link DatabaseServer}.
 *
 * <p>
 * Safe by default: it listens on 127.0.0.1 only, on a free port chosen at each start, and
 * its superuser has a random password (SCRAM) kept in
 * {@code <data dir>/postgres.password} readable by this account only. Durability settings
 * are PostgreSQL's defaults (fsync and synchronous commit on): this is the database of
 * record when no other is configured.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	static final String SUPERUSER = "cairn";

	static final String DATABASE = "cairn";

	private final Path dataDir;

	private final DataDirectoryLock lock;

	private final PostgresBinaries binaries;

	private final PostgresProcess process;

	private final String password;

	private final int port;

	private final String version;

	private boolean running = true;

	private EmbeddedPostgres(Path dataDir, DataDirectoryLock lock, PostgresBinaries binaries, PostgresProcess process,
			String password, int port, String version) {
		this.dataDir = dataDir;
		this.lock = lock;
		this.binaries = binaries;
		this.process = process;
		this.password = password;
		this.port = port;
		this.version = version;
	}

	/**
	 * Starts the server on {@code dataDir}, creating the database cluster on first use.
	 * @param unprivilegedUser the account PostgreSQL runs as when this process is root
	 */
	public static EmbeddedPostgres start(Path dataDir, String unprivilegedUser) {
		Path dir = dataDir.toAbsolutePath().normalize();
		createDirectories(dir);
		DataDirectoryLock lock = DataDirectoryLock.acquire(dir);
		try {
			PostgresProcess process = PostgresProcess.forCurrentUser(unprivilegedUser);
			requireEnterable(dir, process);
			PostgresBinaries binaries = PostgresBinaries.unpackInto(dir.resolve("runtime"));
			String version = binaries.version();
			String password = initializeIfNeeded(dir, binaries, process, version);
			stopOrphan(dir, binaries, process);
			int port = freePort();
			process.check(logFile(dir), binaries.bin("pg_ctl").toString(), "start", "--wait", "--timeout=120",
					"--pgdata=" + pgdata(dir),
					"--options=-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=");
			EmbeddedPostgres postgres = new EmbeddedPostgres(dir, lock, binaries, process, password, port, version);
			postgres.createDatabaseIfMissing();
			return postgres;
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/** A URL for another database on the same server (tests use one per scenario). */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public String username() {
		return SUPERUSER;
	}

	public String password() {
		return this.password;
	}

	/** The server's version, for example {@code 18.6}. */
	public String version() {
		return this.version;
	}

	public int port() {
		return this.port;
	}

	Path pgdata() {
		return pgdata(this.dataDir);
	}

	public synchronized boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops the server (fast shutdown: open sessions are ended, nothing committed is
	 * lost).
	 */
	@Override
	public synchronized void close() {
		if (!this.running) {
			return;
		}
		try {
			this.process.check(logFile(this.dataDir), this.binaries.bin("pg_ctl").toString(), "stop", "--wait",
					"--timeout=60", "--mode=fast", "--pgdata=" + pgdata());
			log.info("Stopped the embedded PostgreSQL in {}", pgdata());
		}
		finally {
			this.running = false;
			this.lock.close();
		}
	}

	private static String initializeIfNeeded(Path dir, PostgresBinaries binaries, PostgresProcess process,
			String version) {
		Path pgdata = pgdata(dir);
		Path passwordFile = dir.resolve("postgres.password");
		if (Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
			checkMajorVersion(pgdata, version);
			if (!Files.isRegularFile(passwordFile)) {
				throw new StartupFailure("The embedded database in " + pgdata + " exists but its password file "
						+ passwordFile + " is missing.", "Restore the file from a backup of the data dir.");
			}
			return read(passwordFile);
		}
		if (Files.exists(pgdata) && !isEmpty(pgdata)) {
			throw new StartupFailure(pgdata + " is not empty but holds no PostgreSQL database.",
					"Empty that folder or set CAIRN_DATA_DIR to another one.");
		}
		log.info("Creating the embedded PostgreSQL database in {}", pgdata);
		String password = randomPassword();
		write(passwordFile, password);
		// initdb reads the password from a file; the server account must be able
		// to read it.
		Path initialPassword = dir.resolve("initdb.pw");
		write(initialPassword, password);
		try {
			createDirectories(pgdata);
			handOver(pgdata, process);
			handOver(initialPassword, process);
			process.check(logFile(dir), binaries.bin("initdb").toString(), "--pgdata=" + pgdata,
					"--username=" + SUPERUSER, "--pwfile=" + initialPassword, "--auth=scram-sha-256", "--encoding=UTF8",
					"--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C");
		}
		finally {
			delete(initialPassword);
		}
		return password;
	}

	// A server left running by a Cairn that was killed (kill -9, power loss of the JVM
	// only) still owns the files. We hold the data dir lock, so it cannot belong to a
	// live Cairn: stop it before starting our own.
	private static void stopOrphan(Path dir, PostgresBinaries binaries, PostgresProcess process) {
		if (!Files.exists(pgdata(dir).resolve("postmaster.pid"))) {
			return;
		}
		String pgCtl = binaries.bin("pg_ctl").toString();
		if (process.run(logFile(dir), pgCtl, "status", "--pgdata=" + pgdata(dir)) == 0) {
			log.warn("Stopping an embedded PostgreSQL left running by an earlier Cairn in {}", pgdata(dir));
			process.check(logFile(dir), pgCtl, "stop", "--wait", "--mode=fast", "--pgdata=" + pgdata(dir));
		}
	}

	private static void checkMajorVersion(Path pgdata, String version) {
		String onDisk = read(pgdata.resolve("PG_VERSION")).trim();
		String embedded = version.split("\\.")[0];
		if (!onDisk.equals(embedded)) {
			throw new StartupFailure(
					"The embedded database in " + pgdata + " was created by PostgreSQL " + onDisk
							+ ", but this Cairn embeds PostgreSQL " + embedded + ".",
					"Start the previous Cairn version and dump the data (pg_dump), then restore it into this one; "
							+ "see docs/operations.md.");
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, this.password);
				Statement statement = connection.createStatement()) {
			var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
			if (!result.next()) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			close();
			throw new EmbeddedPostgresFailed("Could not create the database '" + DATABASE + "': " + ex.getMessage());
		}
	}

	/**
	 * Running as root, the server runs as another account, which must be able to reach
	 * the data dir: a folder above it that only root may enter (one made by
	 * {@code mktemp -d}, a home folder) would otherwise fail deep in {@code initdb} with
	 * a bare "Permission denied". Says which folder and what to change instead.
	 */
	private static void requireEnterable(Path dir, PostgresProcess process) {
		if (process.canEnter(dir)) {
			return;
		}
		Path blocked = dir;
		for (Path at = dir.getRoot(); at != null; at = next(at, dir)) {
			if (!process.canEnter(at)) {
				blocked = at;
				break;
			}
		}
		throw new StartupFailure(
				"Cairn runs as root, so the embedded PostgreSQL runs as the account '" + process.runAs()
						+ "', which cannot enter " + blocked + " (on the way to the data dir " + dir + ").",
				"Let it in (chmod o+x " + blocked + "), choose a CAIRN_DATA_DIR it can reach, set"
						+ " CAIRN_DATABASE_EMBEDDED_USER to an account that can, or run Cairn as a regular user.");
	}

	// The folder one level further from the root towards `target`, or null past it.
	private static Path next(Path at, Path target) {
		if (at.equals(target)) {
			return null;
		}
		return at.resolve(at.relativize(target).getName(0));
	}

	private static void handOver(Path path, PostgresProcess process) {
		if (process.runAs() == null) {
			return;
		}
		try {
			UserPrincipal owner = path.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(process.runAs());
			Files.setOwner(path, owner);
		}
		catch (IOException ex) {
			throw new StartupFailure(
					"Cairn runs as root, so the embedded PostgreSQL must run as the account '" + process.runAs()
							+ "', which could not be given " + path + ": " + ex.getMessage(),
					"Run Cairn as a regular user, or set CAIRN_DATABASE_EMBEDDED_USER to an existing account.", ex);
		}
	}

	static Path pgdata(Path dir) {
		return dir.resolve("postgres");
	}

	private static Path logFile(Path dir) {
		return dir.resolve("postgres.log");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new StartupFailure("Cannot create the data dir " + dir + ": " + ex.getMessage(),
					"Set CAIRN_DATA_DIR to a folder Cairn can write to.", ex);
		}
	}

	private static boolean isEmpty(Path dir) {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.deleteIfExists(file);
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
