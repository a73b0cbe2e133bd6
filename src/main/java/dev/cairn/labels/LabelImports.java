package dev.cairn.labels;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labels as they were: for seed data (and later for restoring an export). No checks and
 * no events: the caller vouches for them.
 */
@Component
public class LabelImports {

	private final JdbcClient jdbc;

	LabelImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(UUID projectId, UUID id, String name, String color) {
		this.jdbc.sql("INSERT INTO labels (id, project_id, name, color) VALUES (:id, :projectId, :name, :color)")
			.param("id", id)
			.param("projectId", projectId)
			.param("name", name)
			.param("color", color)
			.update();
	}

}
