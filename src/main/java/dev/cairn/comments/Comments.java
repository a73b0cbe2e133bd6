package dev.cairn.comments;

import java.util.List;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.tasks.TaskDirectory;
import dev.cairn.tasks.TaskNotFound;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.IfMatch;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comment use cases. A comment is as visible as its task: to its project's members only.
 */
@Service
class Comments {

	private final CommentRepository comments;

	private final TaskDirectory tasks;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	Comments(CommentRepository comments, TaskDirectory tasks, ProjectAccess access, ActivityLog activity,
			Cursor cursors) {
		this.comments = comments;
		this.tasks = tasks;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
	}

	@Transactional(readOnly = true)
	Page<Comment> list(UUID userId, UUID taskId, String cursor, int limit) {
		projectOfTask(userId, taskId, Capability.PROJECT_READ);
		ListKey list = ListKey.of("comments", taskId);
		List<Comment> rows = this.comments.findPage(taskId, this.cursors.afterId(list, cursor), limit + 1);
		return this.cursors.page(list, rows, limit, (comment) -> List.of(comment.id().toString()));
	}

	@Transactional
	Comment create(UUID userId, UUID taskId, CommentText text) {
		UUID projectId = projectOfTask(userId, taskId, Capability.COMMENTS_WRITE);
		UUID id = Ids.newId();
		this.comments.insert(id, taskId, userId, text.body());
		Comment comment = this.comments.find(id).orElseThrow();
		this.activity.record(new CommentEvent.CommentCreated(projectId, taskId, userId, id, comment.body()));
		return comment;
	}

	/** Only the author edits a comment. */
	@Transactional
	Comment edit(UUID userId, UUID commentId, CommentText text, IfMatch ifMatch) {
		Comment comment = this.comments.findForUpdate(commentId).orElseThrow(CommentNotFound::new);
		UUID projectId = projectOfComment(userId, comment, Capability.COMMENTS_WRITE);
		if (!userId.equals(comment.authorId())) {
			throw new NotTheAuthor();
		}
		ifMatch.require(comment.version());
		this.comments.updateBody(comment.taskId(), commentId, text.body());
		Comment edited = this.comments.find(commentId).orElseThrow();
		this.activity.record(new CommentEvent.CommentUpdated(projectId, comment.taskId(), userId, commentId,
				comment.body(), edited.body()));
		return edited;
	}

	/**
	 * The author, or an admin of the project, deletes a comment; its text leaves the
	 * activity log as well.
	 */
	@Transactional
	void delete(UUID userId, UUID commentId) {
		Comment comment = this.comments.findForUpdate(commentId).orElseThrow(CommentNotFound::new);
		UUID projectId = this.tasks.liveProjectOf(comment.taskId()).orElseThrow(CommentNotFound::new);
		Role role = this.access.roleOf(userId, projectId).orElseThrow(CommentNotFound::new);
		if (!userId.equals(comment.authorId())) {
			this.access.check(role, Capability.COMMENTS_MODERATE);
		}
		this.comments.delete(comment.taskId(), commentId);
		// Deleted means its text is gone from the activity too, not only from the task.
		this.activity.redactComment(CommentEvent.CommentCreated.class, CommentEvent.CommentUpdated.class,
				comment.taskId(), commentId, comment.authorId());
		this.activity.record(new CommentEvent.CommentDeleted(projectId, comment.taskId(), userId,
				new CommentEvent.CommentRef(commentId)));
	}

	private UUID projectOfTask(UUID userId, UUID taskId, Capability capability) {
		UUID projectId = this.tasks.liveProjectOf(taskId).orElseThrow(TaskNotFound::new);
		try {
			this.access.requireLive(userId, projectId, capability);
		}
		catch (ProjectNotFound ex) {
			throw new TaskNotFound();
		}
		return projectId;
	}

	private UUID projectOfComment(UUID userId, Comment comment, Capability capability) {
		UUID projectId = this.tasks.liveProjectOf(comment.taskId()).orElseThrow(CommentNotFound::new);
		try {
			this.access.requireLive(userId, projectId, capability);
		}
		catch (ProjectNotFound ex) {
			throw new CommentNotFound();
		}
		return projectId;
	}

}
