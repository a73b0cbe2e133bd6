package dev.cairn.fields;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.cairn.activity.DomainEvent;

/**
 * What happens to a project's custom fields: {@code field.created}, {@code field.updated}
 * and {@code field.deleted}. (What the fields module asks of tasks within the
 * transaction, such as dropping a deleted field's values, are the in-module events
 * {@link CustomFieldDeleted} and {@link CustomFieldOptionsRemoved}.)
 */
public sealed interface FieldEvent extends DomainEvent {

	record FieldCreated(UUID projectId, UUID actorId, FieldState after) implements FieldEvent {
	}

	record FieldUpdated(UUID projectId, UUID actorId, FieldState before, FieldState after) implements FieldEvent {
	}

	record FieldDeleted(UUID projectId, UUID actorId, FieldState before) implements FieldEvent {
	}

	record FieldState(UUID id, String name, String type, List<OptionState> options, int position) {

		static FieldState of(CustomField field) {
			return new FieldState(field.id(), field.name(), field.type().value(),
					field.options()
						.stream()
						.map((option) -> new OptionState(option.id(), option.name(), option.color()))
						.toList(),
					field.position());
		}

	}

	record OptionState(UUID id, String name, @Nullable String color) {
	}

}
