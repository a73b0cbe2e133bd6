package dev.cairn.fields;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomFieldRepository {

	private static final String COLUMNS = "id, name, type, CAST(options AS text) AS options, position";

	private static final TypeReference<List<FieldOption>> OPTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CustomFieldRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Serializes changes to a project's fields until the transaction ends, so the limit,
	 * the dense positions and the option lists are decided on what is really there (a row
	 * lock would not cover the first field, nor a field being added).
	 */
	void lock(UUID projectId) {
		this.jdbc
			.sql("SELECT pg_advisory_xact_lock(hashtext('cairn.custom_fields'), hashtext(CAST(:projectId AS text)))")
			.param("projectId", projectId)
			.query()
			.singleValue();
	}

	/**
	 * The shared side of {@link #lock}: task writes that hold values take it, so a field
	 * or option cannot be deleted between their check of the values and their commit.
	 */
	void lockShared(UUID projectId) {
		this.jdbc
			.sql("SELECT pg_advisory_xact_lock_shared(hashtext('cairn.custom_fields'),"
					+ " hashtext(CAST(:projectId AS text)))")
			.param("projectId", projectId)
			.query()
			.singleValue();
	}

	/** All fields of a project in their order. */
	List<CustomField> findAll(UUID projectId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM custom_fields WHERE project_id = :projectId" + " ORDER BY position, id")
			.param("projectId", projectId)
			.query(this::field)
			.list();
	}

	Optional<CustomField> find(UUID projectId, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM custom_fields WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.query(this::field)
			.optional();
	}

	/**
	 * @return false when the name is taken in the project
	 */
	boolean insert(UUID projectId, CustomField field) {
		return saved("""
				INSERT INTO custom_fields (id, project_id, name, type, options, position)
				VALUES (:id, :projectId, :name, :type, CAST(:options AS jsonb), :position)
				""", projectId, field);
	}

	/**
	 * Saves name, options and position; the type never changes.
	 * @return false when the new name is taken in the project
	 */
	boolean update(UUID projectId, CustomField field) {
		return saved("""
				UPDATE custom_fields SET name = :name, options = CAST(:options AS jsonb), position = :position
				WHERE project_id = :projectId AND id = :id
				""", projectId, field);
	}

	void delete(UUID projectId, UUID id) {
		this.jdbc.sql("DELETE FROM custom_fields WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.update();
	}

	// A duplicate name ends the transaction's usefulness; the caller answers 409
	// and rolls back.
	private boolean saved(String sql, UUID projectId, CustomField field) {
		try {
			this.jdbc.sql(sql)
				.param("id", field.id())
				.param("projectId", projectId)
				.param("name", field.name())
				.param("type", field.type().value())
				.param("options", this.json.writeValueAsString(field.options()))
				.param("position", field.position())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private CustomField field(ResultSet row, int rowNum) throws SQLException {
		return new CustomField(row.getObject("id", UUID.class), row.getString("name"),
				FieldType.of(row.getString("type")).orElseThrow(),
				this.json.readValue(row.getString("options"), OPTIONS), row.getInt("position"));
	}

}
