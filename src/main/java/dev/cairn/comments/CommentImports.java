package dev.cairn.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments as they were, with their ids and times, many at once: for seed data (and later
 * for restoring an export). No checks and no events: the caller vouches for them.
 */
@Component
public class CommentImports {

	private final JdbcTemplate batch;

	CommentImports(JdbcTemplate batch) {
		this.batch = batch;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(List<ImportedComment> comments) {
		this.batch.batchUpdate("INSERT INTO comments (id, task_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
				comments.stream()
					.map((comment) -> new Object[] { comment.id(), comment.taskId(), comment.authorId(), comment.body(),
							Timestamp.from(comment.createdAt()) })
					.toList());
	}

	public record ImportedComment(UUID id, UUID taskId, UUID authorId, String body, Instant createdAt) {
	}

}
