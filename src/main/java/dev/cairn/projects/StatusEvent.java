package dev.cairn.projects;

import java.util.UUID;

import dev.cairn.activity.DomainEvent;

/**
 * What happens to a project's workflow states: {@code status.created},
 * {@code status.updated} and {@code status.deleted}.
 */
public sealed interface StatusEvent extends DomainEvent {

	record StatusCreated(UUID projectId, UUID actorId, StatusState after) implements StatusEvent {
	}

	record StatusUpdated(UUID projectId, UUID actorId, StatusState before, StatusState after) implements StatusEvent {
	}

	record StatusDeleted(UUID projectId, UUID actorId, StatusState before) implements StatusEvent {
	}

	record StatusState(UUID id, String name, String category, int position) {

		static StatusState of(Status status) {
			return new StatusState(status.id(), status.name(), status.category().value(), status.position());
		}

	}

}
