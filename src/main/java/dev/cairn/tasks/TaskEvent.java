package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.cairn.activity.DomainEvent;
import dev.cairn.activity.EventName;

/**
 * What happens to tasks, as the tasks module tells everyone else (notifications,
 * webhooks, the activity feed): {@code task.created}, {@code task.updated},
 * {@code task.moved}, {@code task.deleted} and {@code task.restored}.
 */
public sealed interface TaskEvent extends DomainEvent {

	/** A new task, with its description. */
	record TaskCreated(UUID projectId, UUID taskId, UUID actorId, TaskState after) implements TaskEvent {
	}

	/**
	 * Fields of a task changed; {@code changes} names them. Both sides carry the
	 * description only when it is one of the changes.
	 */
	record TaskUpdated(UUID projectId, UUID taskId, UUID actorId, TaskState before, TaskState after,
			List<String> changes) implements TaskEvent {
	}

	/**
	 * A label was put on the task or taken off it ({@code changes} is {@code labels}).
	 */
	@EventName("task.updated")
	record TaskLabelsChanged(UUID projectId, UUID taskId, UUID actorId, LabelChange after,
			List<String> changes) implements TaskEvent {

		static TaskLabelsChanged added(UUID projectId, UUID taskId, UUID actorId, UUID labelId) {
			return new TaskLabelsChanged(projectId, taskId, actorId, new LabelChange(labelId, null), LABELS);
		}

		static TaskLabelsChanged removed(UUID projectId, UUID taskId, UUID actorId, UUID labelId) {
			return new TaskLabelsChanged(projectId, taskId, actorId, new LabelChange(null, labelId), LABELS);
		}

		private static final List<String> LABELS = List.of("labels");

	}

	/** The task went to another status or place on the board. */
	record TaskMoved(UUID projectId, UUID taskId, UUID actorId, Place before, Place after,
			List<String> changes) implements TaskEvent {
	}

	/** The task went to the trash. */
	record TaskDeleted(UUID projectId, UUID taskId, UUID actorId, TaskState before) implements TaskEvent {
	}

	/** The task came back from the trash. */
	record TaskRestored(UUID projectId, UUID taskId, UUID actorId, TaskState after) implements TaskEvent {
	}

	/**
	 * A task's fields as an event shows them. {@code description} is there (possibly
	 * null) only in a new task and on both sides of a change of it: other events do not
	 * carry up to 100,000 characters. Read back, an absent description is empty, as a
	 * null one is.
	 */
	record TaskState(@Nullable String key, String title, UUID statusId, String priority, @Nullable UUID assigneeId,
			@Nullable UUID parentId, @Nullable BigDecimal estimate, JsonNode customFields,
			@Nullable LocalDate startDate, @Nullable LocalDate dueDate,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Optional<String> description) {

		static TaskState of(Task task) {
			return new TaskState((task.projectKey() != null) ? task.key() : null, task.title(), task.statusId(),
					task.priority().value(), task.assigneeId(), task.parentId(), task.estimate(),
					TaskJson.tree(task.customFields()), task.startDate(), task.dueDate(), null);
		}

		static TaskState withDescription(Task task) {
			TaskState state = of(task);
			return new TaskState(state.key(), state.title(), state.statusId(), state.priority(), state.assigneeId(),
					state.parentId(), state.estimate(), state.customFields(), state.startDate(), state.dueDate(),
					Optional.ofNullable(task.description()));
		}

	}

	/** A label put on a task or taken off it: one of the two is set. */
	record LabelChange(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID labelAdded,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID labelRemoved) {
	}

	/** Where a task is on the board. */
	record Place(UUID statusId, long position) {

		static Place of(Task task) {
			return new Place(task.statusId(), task.position());
		}

	}

}
