package dev.cairn.projects;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.cairn.activity.DomainEvent;

/**
 * What happens to a project itself: {@code project.created}, {@code project.updated},
 * {@code project.deleted} (to the trash) and {@code project.restored}.
 */
public sealed interface ProjectEvent extends DomainEvent {

	record ProjectCreated(UUID projectId, UUID actorId, ProjectState after) implements ProjectEvent {
	}

	record ProjectUpdated(UUID projectId, UUID actorId, ProjectState before, ProjectState after,
			List<String> changes) implements ProjectEvent {
	}

	record ProjectDeleted(UUID projectId, UUID actorId, ProjectState before) implements ProjectEvent {
	}

	record ProjectRestored(UUID projectId, UUID actorId, ProjectState after) implements ProjectEvent {
	}

	record ProjectState(String key, String name, @Nullable String description) {

		static ProjectState of(Project project) {
			return new ProjectState(project.key(), project.name(), project.description());
		}

	}

}
