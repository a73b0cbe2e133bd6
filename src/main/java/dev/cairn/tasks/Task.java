package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task as stored, with its project's key for display. {@code customFields} is the JSON
 * object of custom field values keyed by field id, as stored.
 */
record Task(UUID id, UUID projectId, String projectKey, int number, String title, String description, UUID statusId,
		int priority, UUID assigneeId, UUID reporterId, UUID parentId, LocalDate startDate, LocalDate dueDate,
		BigDecimal estimate, long position, String customFields, Instant completedAt, Instant createdAt,
		Instant updatedAt, Instant deletedAt, long version) {

	String key() {
		return this.projectKey + "-" + this.number;
	}

}
