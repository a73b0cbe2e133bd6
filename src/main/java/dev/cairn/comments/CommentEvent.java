package dev.cairn.comments;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.cairn.activity.DomainEvent;

/**
 * The comments on a task: {@code comment.created}, {@code comment.updated} and
 * {@code comment.deleted}. Deleting a comment takes its text out of its earlier events:
 * their bodies become null and they say {@code redacted: true} (ADR 0015); absent
 * otherwise.
 */
public sealed interface CommentEvent extends DomainEvent {

	record CommentCreated(UUID projectId, UUID taskId, UUID actorId, CommentState after,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean redacted) implements CommentEvent {

		CommentCreated(UUID projectId, UUID taskId, UUID actorId, UUID commentId, String body) {
			this(projectId, taskId, actorId, new CommentState(commentId, body), null);
		}

	}

	/** An edit; {@code after.commentId} names the comment (since V16). */
	record CommentUpdated(UUID projectId, UUID taskId, UUID actorId, Body before, CommentState after,
			List<String> changes,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean redacted) implements CommentEvent {

		CommentUpdated(UUID projectId, UUID taskId, UUID actorId, UUID commentId, String from, String to) {
			this(projectId, taskId, actorId, new Body(from), new CommentState(commentId, to), List.of("body"), null);
		}

	}

	record CommentDeleted(UUID projectId, UUID taskId, UUID actorId, CommentRef before) implements CommentEvent {
	}

	/** A comment's text, null once the comment is deleted. */
	record CommentState(@Nullable UUID commentId, @Nullable String body) {
	}

	record Body(@Nullable String body) {
	}

	record CommentRef(UUID commentId) {
	}

}
