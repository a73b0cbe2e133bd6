package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;

import dev.cairn.members.CapabilityNamesJson;
import dev.cairn.members.Role;

/**
 * A task as the caller sees it, with their role in its project and what it lets them do.
 * The custom fields are written as PostgreSQL returned them (jsonb's own text, always
 * valid JSON) instead of parsed into a tree and written again for every task of a page.
 */
record TaskResponse(UUID id, String key, int number, UUID projectId, String title, String description, UUID statusId,
		String priority, UUID assigneeId, UUID reporterId, UUID parentId, LocalDate startDate, LocalDate dueDate,
		BigDecimal estimate, long position, List<UUID> labels,
		@JsonRawValue @Schema(implementation = JsonNode.class) String customFields, Instant completedAt,
		Instant createdAt, Instant updatedAt, long version, String role,
		@JsonSerialize(using = CapabilityNamesJson.class) List<String> capabilities) {

	static TaskResponse of(TaskView view) {
		Task task = view.task();
		Role role = view.role();
		return new TaskResponse(task.id(), task.key(), task.number(), task.projectId(), task.title(),
				task.description(), task.statusId(), task.priority().value(), task.assigneeId(), task.reporterId(),
				task.parentId(), task.startDate(), task.dueDate(), plain(task.estimate()), task.position(),
				view.labels(), (task.customFields() != null) ? task.customFields() : "{}", task.completedAt(),
				task.createdAt(), task.updatedAt(), task.version(), role.value(), role.capabilityNames());
	}

	// Hours without trailing zeros, and never in exponent form: 10.00 is 10, not the
	// 1E+1 that stripping the zeros alone gives (and JSON writers print as such).
	private static BigDecimal plain(BigDecimal estimate) {
		if (estimate == null) {
			return null;
		}
		BigDecimal stripped = estimate.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
