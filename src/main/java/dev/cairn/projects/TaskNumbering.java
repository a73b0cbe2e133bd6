package dev.cairn.projects;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out a project's task numbers ({@code APOLLO-12}): the counter is the project
 * row's, so the projects module keeps it. The row lock the increment takes serializes
 * task creation per project, so numbers are unique and without gaps (ADR 0011), and a
 * task inserted after it sees every task created before.
 */
@Component
public class TaskNumbering {

	private final JdbcClient jdbc;

	TaskNumbering(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of a live project, with its key; empty when it is in the trash. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<TaskNumber> next(UUID projectId) {
		return this.jdbc.sql("""
				UPDATE projects SET last_task_number = last_task_number + 1
				WHERE id = :projectId AND deleted_at IS NULL
				RETURNING last_task_number, key
				""")
			.param("projectId", projectId)
			.query((rs, row) -> new TaskNumber(rs.getInt("last_task_number"), rs.getString("key")))
			.optional();
	}

	public record TaskNumber(int number, String projectKey) {
	}

}
