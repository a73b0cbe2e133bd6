package dev.cairn.demo;

import java.util.List;
import java.util.Map;

import dev.cairn.platform.CommandFailed;
import dev.cairn.testing.CommandContext;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Isolated
class SeedDemoCommandTests {

	private static final List<String> TABLES = List.of("users", "user_profiles", "projects", "project_members",
			"statuses", "labels", "tasks", "task_labels", "comments", "events");

	@Test
	void loadsTheDemoOnceAndASecondRunChangesNothing() {
		TestDatabase.Database database = TestDatabase.migrated();
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		try (CommandContext cairn = CommandContext.on(database)) {
			var first = cairn.run("seed-demo", Map.of());
			assertThat(first.text()).contains("Loaded 3 projects, 3000 tasks",
					"alice@example.com    granite-harbor-71");
			Map<String, Long> counts = counts(jdbc);
			assertThat(counts.get("tasks")).isEqualTo(3000);
			assertThat(counts.get("comments")).isGreaterThan(1000);
			assertThat(counts.get("task_labels")).isGreaterThan(1000);
			assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE assignee_id IS NOT NULL AND parent_id IS NOT NULL")
				.query(Long.class)
				.single()).isPositive();
			assertThat(
					jdbc.sql("SELECT last_task_number FROM projects WHERE key = 'CAIRN'").query(Integer.class).single())
				.isEqualTo(1400);

			var second = cairn.run("seed-demo", Map.of());

			assertThat(second.text()).startsWith("The demo data is already loaded; nothing changed.");
			assertThat(counts(jdbc)).isEqualTo(counts);
		}
	}

	@Test
	void refusesToMixWithDataThatTakesADemoName() {
		TestDatabase.Database database = TestDatabase.migrated();
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		try (CommandContext cairn = CommandContext.on(database)) {
			jdbc.sql("INSERT INTO projects (id, key, name) VALUES (gen_random_uuid(), 'OPS', 'Ours')").update();

			assertThatExceptionOfType(CommandFailed.class).isThrownBy(() -> cairn.run("seed-demo", Map.of()))
				.withMessageContaining("exist already, but not all of them");
			assertThat(jdbc.sql("SELECT count(*) FROM tasks").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isZero();
		}
	}

	private static Map<String, Long> counts(JdbcClient jdbc) {
		return TABLES.stream()
			.collect(java.util.stream.Collectors.toMap((table) -> table,
					(table) -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
	}

}
