package dev.cairn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module writes only its own tables; it reads another module's only in a class that
 * names that table in a comment (a read model, which says so). Spring Modulith checks the
 * Java dependencies between modules; this checks the SQL, which it cannot see. A change
 * another module must react to travels as an event (handled in the same transaction where
 * it must be atomic: {@code StatusRetired}, {@code LabelRetired}), or through the owning
 * module's API ({@code TaskNumbering}, the imports the demo data goes through).
 */
class ModuleTablesTests {

	/** Every table, and the module whose own it is. */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("users", "accounts"),
			Map.entry("user_profiles", "accounts"), Map.entry("user_identities", "accounts"),
			Map.entry("one_time_tokens", "accounts"), Map.entry("api_tokens", "auth"),
			Map.entry("refresh_tokens", "auth"), Map.entry("signing_keys", "auth"), Map.entry("mfa_challenges", "auth"),
			Map.entry("recovery_codes", "auth"), Map.entry("user_totp", "auth"), Map.entry("projects", "projects"),
			Map.entry("statuses", "projects"), Map.entry("project_members", "members"),
			Map.entry("project_invitations", "members"), Map.entry("labels", "labels"),
			Map.entry("custom_fields", "fields"), Map.entry("tasks", "tasks"), Map.entry("task_labels", "tasks"),
			Map.entry("comments", "comments"), Map.entry("events", "activity"), Map.entry("webhooks", "webhooks"),
			Map.entry("webhook_deliveries", "webhooks"), Map.entry("notifications", "notifications"),
			Map.entry("notification_preferences", "notifications"), Map.entry("notification_digests", "notifications"),
			Map.entry("due_reminders", "notifications"), Map.entry("idempotency_keys", "web"),
			Map.entry("event_publication", "platform"), Map.entry("event_publication_dead", "platform"),
			Map.entry("scheduled_tasks", "platform"));

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_]+)");

	private static final Pattern READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_]+)");

	private static final Path SOURCES = Path.of("src/main/java/dev/cairn");

	@Test
	void everyTableHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path file : files.toList()) {
				Matcher table = Pattern.compile("(?i)CREATE TABLE\\s+([a-z_]+)").matcher(Files.readString(file));
				while (table.find()) {
					created.add(table.group(1).toLowerCase());
				}
			}
		}
		assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void aModuleWritesOnlyItsOwnTables() throws IOException {
		assertThat(offences(WRITE, false)).as("writes into another module's table").isEmpty();
	}

	@Test
	void aModuleReadsAnotherModulesTablesOnlyWhereItSaysSo() throws IOException {
		assertThat(offences(READ, true)).as("reads of another module's table in a class whose comments do not name it")
			.isEmpty();
	}

	private List<String> offences(Pattern statement, boolean unlessNamedInAComment) throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				List<String> lines = Files.readAllLines(file);
				String comments = lines.stream().filter(ModuleTablesTests::isComment).collect(Collectors.joining("\n"));
				String code = lines.stream().filter((line) -> !isComment(line)).collect(Collectors.joining("\n"));
				Matcher matcher = statement.matcher(code);
				Set<String> found = new TreeSet<>();
				while (matcher.find()) {
					String table = matcher.group(1).toLowerCase();
					String owner = OWNERS.get(table);
					boolean named = Pattern.compile("\\b" + table + "\\b").matcher(comments).find();
					if (owner != null && !owner.equals(module) && !(unlessNamedInAComment && named)) {
						found.add(SOURCES.relativize(file) + ": " + table + " (" + owner + "'s)");
					}
				}
				offences.addAll(found);
			}
		}
		return offences;
	}

	private static boolean isComment(String line) {
		String stripped = line.strip();
		return stripped.startsWith("//") || stripped.startsWith("*") || stripped.startsWith("/*");
	}

}
