package dev.cairn.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of {@code GET /api/v1/projects/{projectId}/tasks}, bound by name
 * (the typed ones through {@link TaskListParameters}); conditions on custom fields
 * ({@code cf.<field>}) are read apart, since their names are not known in advance.
 *
 * @param status tasks in any of these statuses
 * @param statusCategory tasks in a status of any of these categories
 * @param assignee {@code me}, {@code none} or a user id
 * @param priority tasks with this priority
 * @param q full-text query on title and description
 * @param dueBefore due on or before
 * @param dueAfter due on or after
 * @param updatedSince changed at or after
 * @param label tasks carrying this label
 * @param parent {@code none} for top-level tasks, or a task id for its subtasks
 * @param sort the order ({@link TaskSort#parse})
 * @param limit the page size, 50 when not given
 * @param cursor where the previous page ended
 */
record TaskListQuery(@Size(max = 50) List<UUID> status,
		@Size(max = 5) List<@Pattern(regexp = "backlog|unstarted|started|completed|canceled",
				message = "must be backlog, unstarted, started, completed or canceled") String> statusCategory,
		AssigneeFilter assignee, Priority priority, @Size(min = 1, max = 200) String q, LocalDate dueBefore,
		LocalDate dueAfter, Instant updatedSince, UUID label, ParentFilter parent, @Size(max = 20) String sort,
		@Schema(defaultValue = "50") @Min(1) @Max(200) Integer limit, @Size(max = 1024) String cursor) {

	TaskListQuery {
		limit = (limit != null) ? limit : 50;
	}

}
