package dev.cairn.comments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

	private static final String COLUMNS = "id, task_id, author_id, body, created_at, edited_at, version";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID taskId, UUID authorId, String body) {
		this.jdbc.sql("INSERT INTO comments (id, task_id, author_id, body) VALUES (:id, :taskId, :authorId, :body)")
			.param("id", id)
			.param("taskId", taskId)
			.param("authorId", authorId)
			.param("body", body)
			.update();
	}

	/** A task's comments oldest first (keyset on id, served by comments_task_id_idx). */
	List<Comment> findPage(UUID taskId, UUID afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM comments
				WHERE task_id = :taskId AND (CAST(:after AS uuid) IS NULL OR id > :after)
				ORDER BY id
				LIMIT :limit
				""").param("taskId", taskId).param("after", afterId).param("limit", limit).query(Comment.class).list();
	}

	Optional<Comment> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Comment.class)
			.optional();
	}

	Optional<Comment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id")
			.param("id", id)
			.query(Comment.class)
			.optional();
	}

	// Writes name the task whose project the caller was checked against, as well as the
	// comment: a write never reaches a comment of another task.
	void updateBody(UUID taskId, UUID id, String body) {
		this.jdbc.sql("""
				UPDATE comments SET body = :body, edited_at = now(), version = version + 1
				WHERE id = :id AND task_id = :taskId
				""").param("id", id).param("taskId", taskId).param("body", body).update();
	}

	void delete(UUID taskId, UUID id) {
		this.jdbc.sql("DELETE FROM comments WHERE id = :id AND task_id = :taskId")
			.param("id", id)
			.param("taskId", taskId)
			.update();
	}

}
