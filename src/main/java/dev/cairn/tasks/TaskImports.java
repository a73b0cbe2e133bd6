package dev.cairn.tasks;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and their labels as they were, with their ids, numbers and times, many at once:
 * for seed data (and later for restoring an export). No checks and no events: the caller
 * vouches for them (numbers unique and below the project's counter, statuses, labels and
 * people of the project). Board positions are given here, in the order the tasks come,
 * per status, with the board's gap.
 */
@Component
public class TaskImports {

	private final JdbcTemplate batch;

	TaskImports(JdbcTemplate batch) {
		this.batch = batch;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(List<ImportedTask> tasks) {
		Map<UUID, Long> bottom = new HashMap<>();
		List<Object[]> rows = new ArrayList<>(tasks.size());
		for (ImportedTask task : tasks) {
			long position = bottom.merge(task.statusId(), Positions.GAP, Long::sum);
			rows.add(new Object[] { task.id(), task.projectId(), task.number(), task.title(), task.description(),
					task.statusId(), task.priority().ordinal(), task.assigneeId(), task.reporterId(), task.parentId(),
					date(task.startDate()), date(task.dueDate()), task.estimate(), position,
					timestamp(task.completedAt()), timestamp(task.createdAt()) });
		}
		this.batch.batchUpdate("""
				INSERT INTO tasks (id, project_id, number, title, description, status_id, priority, assignee_id,
				                   reporter_id, parent_id, start_date, due_date, estimate, position, completed_at,
				                   created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insertLabels(List<TaskLabel> labels) {
		this.batch.batchUpdate("INSERT INTO task_labels (project_id, task_id, label_id) VALUES (?, ?, ?)",
				labels.stream()
					.map((label) -> new Object[] { label.projectId(), label.taskId(), label.labelId() })
					.toList());
	}

	private static Date date(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	public record ImportedTask(UUID id, UUID projectId, int number, String title, String description, UUID statusId,
			Priority priority, UUID assigneeId, UUID reporterId, UUID parentId, LocalDate startDate, LocalDate dueDate,
			BigDecimal estimate, Instant completedAt, Instant createdAt) {
	}

	public record TaskLabel(UUID projectId, UUID taskId, UUID labelId) {
	}

}
