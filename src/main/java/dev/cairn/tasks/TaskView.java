package dev.cairn.tasks;

import java.util.List;
import java.util.UUID;

import dev.cairn.members.Role;

/**
 * A task as a member sees it: with its labels, and the member's role in its project,
 * which says what they may do with it. What the task use cases return; each face (REST's
 * {@link TaskResponse}) shapes it for its clients.
 */
record TaskView(Task task, List<UUID> labels, Role role) {

	TaskView {
		labels = List.copyOf(labels);
	}

}
