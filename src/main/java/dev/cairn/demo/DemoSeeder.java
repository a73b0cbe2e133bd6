package dev.cairn.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.cairn.accounts.PasswordHasher;
import dev.cairn.accounts.UserImports.ImportedUser;
import dev.cairn.platform.CommandFailed;
import dev.cairn.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the demo data in one transaction: all of it or none. The content comes from a
 * fixed random seed, so every installation gets the same demo.
 * <p>
 * Reads {@code projects} and {@code users} (their modules' tables) only to see whether
 * the demo is loaded; it writes through the modules' imports.
 */
@Component
class DemoSeeder {

	private final JdbcClient jdbc;

	private final PasswordHasher hasher;

	private final DemoImports imports;

	DemoSeeder(JdbcClient jdbc, PasswordHasher hasher, DemoImports imports) {
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.imports = imports;
	}

	@Transactional
	Result seed() {
		// Two seed-demo runs at once: the second waits here, then finds the data loaded.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cairn.seed-demo'))").query().singleValue();
		List<String> keys = DemoProject.ALL.stream().map(DemoProject::key).toList();
		List<String> emails = DemoUser.ALL.stream().map(DemoUser::email).toList();
		long projectsPresent = this.jdbc.sql("SELECT count(*) FROM projects WHERE key IN (:keys)")
			.param("keys", keys)
			.query(Long.class)
			.single();
		long usersPresent = this.jdbc.sql("SELECT count(*) FROM users WHERE lower(email) IN (:emails)")
			.param("emails", emails)
			.query(Long.class)
			.single();
		if (projectsPresent == keys.size() && usersPresent == emails.size()) {
			return new Result(false, 0, 0, 0);
		}
		if (projectsPresent > 0 || usersPresent > 0) {
			throw new CommandFailed("Some of the demo projects " + keys + " or users " + emails
					+ " exist already, but not all of them; remove them before loading the demo.");
		}
		Random random = new Random(2026);
		Map<String, UUID> users = insertUsers();
		int tasks = 0;
		int comments = 0;
		for (DemoProject project : DemoProject.ALL) {
			DemoProjectWriter.Written written = new DemoProjectWriter(this.imports, random, users).write(project);
			tasks += written.tasks();
			comments += written.comments();
		}
		return new Result(true, DemoProject.ALL.size(), tasks, comments);
	}

	private Map<String, UUID> insertUsers() {
		Map<String, UUID> ids = new HashMap<>();
		for (DemoUser user : DemoUser.ALL) {
			UUID id = Ids.newId();
			ids.put(user.role(), id);
			this.imports.users()
				.insert(new ImportedUser(id, user.email(), user.displayName(), this.hasher.hash(user.password()),
						Instant.now(), "Europe/Berlin", "en"));
		}
		return ids;
	}

	record Result(boolean seeded, int projects, int tasks, int comments) {
	}

}
