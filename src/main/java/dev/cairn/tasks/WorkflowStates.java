package dev.cairn.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.projects.StatusCategory;
import dev.cairn.platform.Caches;

import org.springframework.stereotype.Component;

/**
 * What task writes need of a project's statuses (the first one, a status's category),
 * from the cache: the projects module evicts it whenever a status changes.
 */
@Component
class WorkflowStates {

	private final TaskRepository tasks;

	private final Caches caches;

	WorkflowStates(TaskRepository tasks, Caches caches) {
		this.tasks = tasks;
		this.caches = caches;
	}

	/** Whether a task in a status of this category is done (has a completion time). */
	static boolean isDone(String category) {
		return StatusCategory.of(category).map(StatusCategory::isDone).orElse(false);
	}

	/** The status new tasks go to when none is given. */
	Optional<UUID> first(UUID projectId) {
		return statesOf(projectId).stream().findFirst().map(State::id);
	}

	/** The status's category, when the status belongs to the project. */
	Optional<String> category(UUID projectId, UUID statusId) {
		return statesOf(projectId).stream()
			.filter((state) -> state.id().equals(statusId))
			.findFirst()
			.map(State::category);
	}

	private List<State> statesOf(UUID projectId) {
		return parse(this.caches.get(CacheRegion.PROJECT_STATUSES, projectId.toString(),
				() -> this.tasks.statusesOf(projectId)));
	}

	/** Reads {@link TaskRepository#statusesOf}'s {@code id:category,...}. */
	static List<State> parse(String states) {
		if (states.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(states.split(",")).map((state) -> {
			int colon = state.indexOf(':');
			return new State(UUID.fromString(state.substring(0, colon)), state.substring(colon + 1));
		}).toList();
	}

	record State(UUID id, String category) {
	}

}
