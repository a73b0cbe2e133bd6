package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task as stored, with its project's key for display. {@code customFields} is the JSON
 * object of custom field values keyed by field id, as stored. Made by name through
 * {@link #builder()} or changed through {@link #toBuilder()}: with 21 components, a
 * positional call is a list of values and nulls nobody can check by reading it. (The row
 * mapper alone builds it by position, for speed.)
 */
record Task(UUID id, UUID projectId, String projectKey, int number, String title, String description, UUID statusId,
		Priority priority, UUID assigneeId, UUID reporterId, UUID parentId, LocalDate startDate, LocalDate dueDate,
		BigDecimal estimate, long position, String customFields, Instant completedAt, Instant createdAt,
		Instant updatedAt, Instant deletedAt, long version) {

	String key() {
		return this.projectKey + "-" + this.number;
	}

	static Builder builder() {
		return new Builder();
	}

	/** A builder holding this task's values, to change some of them. */
	Builder toBuilder() {
		Builder builder = new Builder();
		builder.id = this.id;
		builder.projectId = this.projectId;
		builder.projectKey = this.projectKey;
		builder.number = this.number;
		builder.title = this.title;
		builder.description = this.description;
		builder.statusId = this.statusId;
		builder.priority = this.priority;
		builder.assigneeId = this.assigneeId;
		builder.reporterId = this.reporterId;
		builder.parentId = this.parentId;
		builder.startDate = this.startDate;
		builder.dueDate = this.dueDate;
		builder.estimate = this.estimate;
		builder.position = this.position;
		builder.customFields = this.customFields;
		builder.completedAt = this.completedAt;
		builder.createdAt = this.createdAt;
		builder.updatedAt = this.updatedAt;
		builder.deletedAt = this.deletedAt;
		builder.version = this.version;
		return builder;
	}

	/**
	 * Values by name; what is never set stays null (or 0), as for a task not yet stored:
	 * no completion, creation or deletion time.
	 */
	static final class Builder {

		private UUID id;

		private UUID projectId;

		private String projectKey;

		private int number;

		private String title;

		private String description;

		private UUID statusId;

		private Priority priority = Priority.NONE;

		private UUID assigneeId;

		private UUID reporterId;

		private UUID parentId;

		private LocalDate startDate;

		private LocalDate dueDate;

		private BigDecimal estimate;

		private long position;

		private String customFields = "{}";

		private Instant completedAt;

		private Instant createdAt;

		private Instant updatedAt;

		private Instant deletedAt;

		private long version;

		private Builder() {
		}

		Builder id(UUID id) {
			this.id = id;
			return this;
		}

		Builder projectId(UUID projectId) {
			this.projectId = projectId;
			return this;
		}

		/** The project's key and the task's number in it, which make the task's key. */
		Builder numbered(String projectKey, int number) {
			this.projectKey = projectKey;
			this.number = number;
			return this;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder description(String description) {
			this.description = description;
			return this;
		}

		Builder statusId(UUID statusId) {
			this.statusId = statusId;
			return this;
		}

		Builder priority(Priority priority) {
			this.priority = priority;
			return this;
		}

		Builder assigneeId(UUID assigneeId) {
			this.assigneeId = assigneeId;
			return this;
		}

		Builder reporterId(UUID reporterId) {
			this.reporterId = reporterId;
			return this;
		}

		Builder parentId(UUID parentId) {
			this.parentId = parentId;
			return this;
		}

		Builder startDate(LocalDate startDate) {
			this.startDate = startDate;
			return this;
		}

		Builder dueDate(LocalDate dueDate) {
			this.dueDate = dueDate;
			return this;
		}

		Builder estimate(BigDecimal estimate) {
			this.estimate = estimate;
			return this;
		}

		Builder position(long position) {
			this.position = position;
			return this;
		}

		/** The values as the JSON text of the column. */
		Builder customFields(String customFields) {
			this.customFields = customFields;
			return this;
		}

		Builder completedAt(Instant completedAt) {
			this.completedAt = completedAt;
			return this;
		}

		Builder version(long version) {
			this.version = version;
			return this;
		}

		Task build() {
			return new Task(this.id, this.projectId, this.projectKey, this.number, this.title, this.description,
					this.statusId, this.priority, this.assigneeId, this.reporterId, this.parentId, this.startDate,
					this.dueDate, this.estimate, this.position, this.customFields, this.completedAt, this.createdAt,
					this.updatedAt, this.deletedAt, this.version);
		}

	}

}
