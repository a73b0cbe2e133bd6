package dev.cairn.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;

/**
 * Runs the PostgreSQL command-line programs ({@code initdb}, {@code pg_ctl}).
 *
 * <p>
 * PostgreSQL refuses to run as root, to keep a database break-in from owning the machine.
 * When Cairn itself runs as root (containers, CI machines), the programs run as an
 * unprivileged account instead (by default {@code nobody}) through {@code runuser}, and
 * the data files belong to that account.
 */
final class PostgresProcess {

	private static final long TIMEOUT_SECONDS = 120;

	private final String runAs;

	private PostgresProcess(String runAs) {
		this.runAs = runAs;
	}

	/**
	 * @param unprivilegedUser the account to use when this process is root
	 */
	static PostgresProcess forCurrentUser(String unprivilegedUser) {
		return new PostgresProcess(isRoot() ? unprivilegedUser : null);
	}

	/** The account PostgreSQL runs as when it is not Cairn's own, else {@code null}. */
	String runAs() {
		return this.runAs;
	}

	/**
	 * Whether the account PostgreSQL runs as can enter {@code dir} (and so every folder
	 * above it), asked of the system as that account rather than worked out from modes,
	 * so that groups and ACLs count too.
	 */
	boolean canEnter(Path dir) {
		if (this.runAs == null) {
			return true;
		}
		ProcessBuilder builder = new ProcessBuilder("runuser", "-u", this.runAs, "--", "test", "-x", dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		try {
			Process process = builder.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresFailed("Could not run runuser: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedPostgresFailed("Interrupted while checking the data dir");
		}
	}

	/**
	 * Runs a program to completion, with its output appended to {@code log}.
	 * @throws EmbeddedPostgresFailed when it exits with a non-zero status
	 */
	void check(Path log, String... command) {
		int exitCode = run(log, command);
		if (exitCode != 0) {
			throw new EmbeddedPostgresFailed(command[0] + " " + command[1] + " failed with exit code " + exitCode + ": "
					+ lastLines(log) + " (full log: " + log + ")");
		}
	}

	/** Runs a program to completion, with its output appended to {@code log}. */
	int run(Path log, String... command) {
		List<String> line = new ArrayList<>();
		if (this.runAs != null) {
			line.addAll(List.of("runuser", "-u", this.runAs, "--"));
		}
		line.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("LC_ALL", "C");
		try {
			Process process = builder.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new EmbeddedPostgresFailed(
						String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresFailed("Could not run " + line.get(0) + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedPostgresFailed("Interrupted while running " + command[0]);
		}
	}

	private static String lastLines(Path log) {
		try {
			List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable)";
		}
	}

	private static boolean isRoot() {
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (UnsatisfiedLinkError | RuntimeException ex) {
			return false; // not a Unix system
		}
	}

}
