package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;

import dev.cairn.members.CapabilityNamesJson;
import dev.cairn.members.Role;

/**
 * A task as the caller sees it, with their role in its project and what it lets them do.
 */
record TaskResponse(UUID id, String key, int number, UUID projectId, String title, String description, UUID statusId,
		String priority, UUID assigneeId, UUID reporterId, UUID parentId, LocalDate startDate, LocalDate dueDate,
		BigDecimal estimate, long position, List<UUID> labels, JsonNode customFields, Instant completedAt,
		Instant createdAt, Instant updatedAt, long version, String role,
		@JsonSerialize(using = CapabilityNamesJson.class) List<String> capabilities) {

	static TaskResponse of(Task task, List<UUID> labels, Role role) {
		return new TaskResponse(task.id(), task.key(), task.number(), task.projectId(), task.title(),
				task.description(), task.statusId(), Priority.stored(task.priority()).value(), task.assigneeId(),
				task.reporterId(), task.parentId(), task.startDate(), task.dueDate(),
				(task.estimate() != null) ? task.estimate().stripTrailingZeros() : null, task.position(),
				List.copyOf(labels), TaskJson.tree(task.customFields()), task.completedAt(), task.createdAt(),
				task.updatedAt(), task.version(), role.value(), role.capabilityNames());
	}

}
