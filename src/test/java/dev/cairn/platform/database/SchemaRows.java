package dev.cairn.platform.database;

import java.util.UUID;

import dev.cairn.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Minimal rows for schema tests, each made fresh so tests never share data.
 */
record SchemaRows(JdbcClient jdbc) {

	UUID user(String email) {
		UUID id = Ids.newId();
		this.jdbc.sql("INSERT INTO users (id, email, display_name) VALUES (:id, :email, 'Test User')")
			.param("id", id)
			.param("email", email)
			.update();
		return id;
	}

	UUID project(String key) {
		UUID id = Ids.newId();
		this.jdbc.sql("INSERT INTO projects (id, key, name) VALUES (:id, :key, 'Test Project')")
			.param("id", id)
			.param("key", key)
			.update();
		return id;
	}

	UUID status(UUID project) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO statuses (id, project_id, name, category, position)
				VALUES (:id, :project, :name, 'unstarted', 0)
				""").param("id", id).param("project", project).param("name", "Todo " + id).update();
		return id;
	}

	UUID label(UUID project, String name) {
		UUID id = Ids.newId();
		this.jdbc.sql("INSERT INTO labels (id, project_id, name) VALUES (:id, :project, :name)")
			.param("id", id)
			.param("project", project)
			.param("name", name)
			.update();
		return id;
	}

	UUID task(UUID project, UUID status, int number) {
		return task(project, status, number, null, 0);
	}

	UUID task(UUID project, UUID status, int number, UUID parent, int priority) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO tasks (id, project_id, number, title, status_id, parent_id, priority, position)
				VALUES (:id, :project, :number, 'A task', :status, :parent, :priority, 0)
				""")
			.param("id", id)
			.param("project", project)
			.param("number", number)
			.param("status", status)
			.param("parent", parent)
			.param("priority", priority)
			.update();
		return id;
	}

	void taskLabel(UUID project, UUID task, UUID label) {
		this.jdbc.sql("INSERT INTO task_labels (project_id, task_id, label_id) VALUES (:project, :task, :label)")
			.param("project", project)
			.param("task", task)
			.param("label", label)
			.update();
	}

	static String uniqueKey() {
		return "K" + Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()), 36)
			.toUpperCase()
			.substring(0, 8);
	}

	static String uniqueEmail() {
		return UUID.randomUUID() + "@example.com";
	}

}
