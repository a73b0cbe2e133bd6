package dev.cairn.labels;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LabelRepository {

	private final JdbcClient jdbc;

	LabelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page in name order (case-insensitive, as names are unique that way), after a
	 * name.
	 */
	List<Label> findPage(UUID projectId, String afterName, int limit) {
		return this.jdbc.sql("""
				SELECT id, name, color, description FROM labels
				WHERE project_id = :projectId
				  AND (CAST(:after AS text) IS NULL OR lower(name) > lower(:after))
				ORDER BY lower(name)
				LIMIT :limit
				""")
			.param("projectId", projectId)
			.param("after", afterName)
			.param("limit", limit)
			.query(Label.class)
			.list();
	}

	Optional<Label> find(UUID projectId, UUID id) {
		return this.jdbc
			.sql("SELECT id, name, color, description FROM labels WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.query(Label.class)
			.optional();
	}

	long count(UUID projectId) {
		return this.jdbc.sql("SELECT count(*) FROM labels WHERE project_id = :projectId")
			.param("projectId", projectId)
			.query(Long.class)
			.single();
	}

	/**
	 * Saves a new or changed label.
	 * @return false when another label of the project has the name
	 */
	boolean save(UUID projectId, Label label, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO labels (id, project_id, name, color, description)
				VALUES (:id, :projectId, :name, :color, :description)
				""" : """
				UPDATE labels SET name = :name, color = :color, description = :description
				WHERE project_id = :projectId AND id = :id
				""";
		try {
			this.jdbc.sql(sql)
				.param("id", label.id())
				.param("projectId", projectId)
				.param("name", label.name())
				.param("color", label.color())
				.param("description", label.description())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Deletes a label; the foreign key takes it off every task (whose versions the tasks
	 * module has raised on {@link LabelRetired}).
	 */
	void delete(UUID projectId, UUID id) {
		this.jdbc.sql("DELETE FROM labels WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.update();
	}

}
