package dev.cairn.labels;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.cairn.activity.DomainEvent;

/**
 * What happens to a project's labels: {@code label.created}, {@code label.updated} and
 * {@code label.deleted}. Labels put on or taken off a task are the task's events.
 */
public sealed interface LabelEvent extends DomainEvent {

	record LabelCreated(UUID projectId, UUID actorId, LabelState after) implements LabelEvent {
	}

	record LabelUpdated(UUID projectId, UUID actorId, LabelState before, LabelState after) implements LabelEvent {
	}

	record LabelDeleted(UUID projectId, UUID actorId, LabelState before) implements LabelEvent {
	}

	record LabelState(UUID id, String name, @Nullable String color, @Nullable String description) {

		static LabelState of(Label label) {
			return new LabelState(label.id(), label.name(), label.color(), label.description());
		}

	}

}
