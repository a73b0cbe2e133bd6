package dev.cairn.tasks;

import java.util.UUID;

import dev.cairn.activity.ActivityEntry;
import dev.cairn.activity.ActivityFeed;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of a task, for whoever may read the task.
 */
@Service
class TaskHistory {

	private final TaskAccess access;

	private final ActivityFeed feed;

	TaskHistory(TaskAccess access, ActivityFeed feed) {
		this.access = access;
		this.feed = feed;
	}

	@Transactional(readOnly = true)
	Page<ActivityEntry> of(UUID userId, UUID taskId, String cursor, int limit) {
		this.access.readable(userId, taskId);
		return this.feed.ofTask(taskId, cursor, limit);
	}

}
