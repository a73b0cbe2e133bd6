package dev.cairn.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and their statuses as they were, with their ids and times: for seed data (and
 * later for restoring an export). No checks and no events: the caller vouches for them.
 */
@Component
public class ProjectImports {

	private final JdbcClient jdbc;

	private final ProjectRepository projects;

	ProjectImports(JdbcClient jdbc, ProjectRepository projects) {
		this.jdbc = jdbc;
		this.projects = projects;
	}

	/**
	 * @param lastTaskNumber the number of the project's last task (its tasks come after)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(UUID id, String key, String name, String description, int lastTaskNumber, UUID createdBy,
			Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO projects (id, key, name, description, last_task_number, created_by, created_at)
				VALUES (:id, :key, :name, :description, :tasks, :createdBy, :createdAt)
				""")
			.param("id", id)
			.param("key", key)
			.param("name", name)
			.param("description", description)
			.param("tasks", lastTaskNumber)
			.param("createdBy", createdBy)
			.param("createdAt", Timestamp.from(createdAt))
			.update();
	}

	/** The project's statuses in board order. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void insertStatuses(UUID projectId, List<ImportedStatus> statuses) {
		for (int i = 0; i < statuses.size(); i++) {
			ImportedStatus status = statuses.get(i);
			this.projects.insertStatus(status.id(), projectId, status.name(), status.category(), i);
		}
	}

	public record ImportedStatus(UUID id, String name, StatusCategory category) {
	}

}
