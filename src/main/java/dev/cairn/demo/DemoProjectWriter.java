package dev.cairn.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.cairn.activity.ActivityLog;
import dev.cairn.activity.DomainEvent;
import dev.cairn.activity.EventTypes;
import dev.cairn.platform.Ids;
import dev.cairn.projects.ProjectEvent;
import dev.cairn.tasks.Priority;
import dev.cairn.tasks.TaskEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one demo project: its members, statuses, labels, tasks (some of them subtasks),
 * labels on tasks, comments, and the activity events that creating them would have made.
 */
class DemoProjectWriter {

	private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

	// Board positions are sparse so that a later move between two tasks fits in between.
	private static final long POSITION_GAP = 65_536;

	private static final List<String[]> STATUSES = List.of(new String[] { "Backlog", "backlog" },
			new String[] { "Todo", "unstarted" }, new String[] { "In Progress", "started" },
			new String[] { "Done", "completed" }, new String[] { "Canceled", "canceled" });

	private static final List<String[]> LABELS = List.of(new String[] { "bug", "#dc2626" },
			new String[] { "feature", "#2563eb" }, new String[] { "chore", "#6b7280" },
			new String[] { "docs", "#16a34a" }, new String[] { "performance", "#d97706" },
			new String[] { "security", "#7c3aed" });

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ActivityLog activity;

	private final Random random;

	private final Map<String, UUID> usersByRole;

	private final List<UUID> contributors;

	DemoProjectWriter(JdbcClient jdbc, JdbcTemplate batch, ActivityLog activity, Random random,
			Map<String, UUID> usersByRole) {
		this.jdbc = jdbc;
		this.activity = activity;
		this.batch = batch;
		this.random = random;
		this.usersByRole = usersByRole;
		// Viewers read; everyone else reports, works on and discusses tasks.
		this.contributors = List.of(usersByRole.get("owner"), usersByRole.get("admin"), usersByRole.get("member"));
	}

	Written write(DemoProject project) {
		UUID projectId = Ids.newId();
		UUID owner = this.usersByRole.get("owner");
		this.jdbc.sql("""
				INSERT INTO projects (id, key, name, description, last_task_number, created_by, created_at)
				VALUES (:id, :key, :name, :description, :tasks, :owner, :createdAt)
				""")
			.param("id", projectId)
			.param("key", project.key())
			.param("name", project.name())
			.param("description", project.description())
			.param("tasks", project.tasks())
			.param("owner", owner)
			.param("createdAt", Timestamp.from(daysAgo(180)))
			.update();
		this.usersByRole.forEach((role, user) -> this.jdbc
			.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:project, :user, :role)")
			.param("project", projectId)
			.param("user", user)
			.param("role", role)
			.update());
		List<Object[]> events = new ArrayList<>();
		events.add(event(
				new ProjectEvent.ProjectCreated(projectId, owner,
						new ProjectEvent.ProjectState(project.key(), project.name(), project.description())),
				daysAgo(180)));
		List<UUID> statuses = insertStatuses(projectId);
		List<UUID> labels = insertLabels(projectId);
		List<Object[]> tasks = new ArrayList<>();
		List<Object[]> taskLabels = new ArrayList<>();
		List<Object[]> comments = new ArrayList<>();
		List<UUID> topLevel = new ArrayList<>();
		Map<UUID, Long> nextPosition = new HashMap<>();
		for (int number = 1; number <= project.tasks(); number++) {
			UUID taskId = Ids.newId();
			int status = weightedStatus();
			boolean done = status >= 3; // Done or Canceled
			Instant created = daysAgo(170.0 * (project.tasks() - number) / project.tasks() + 1);
			UUID reporter = pick(this.contributors);
			UUID assignee = (this.random.nextInt(5) == 0) ? null : pick(this.contributors);
			UUID parent = (number > 50 && this.random.nextInt(10) == 0) ? pick(topLevel) : null;
			if (parent == null) {
				topLevel.add(taskId);
			}
			LocalDate due = (this.random.nextInt(5) < 2) ? today().plusDays(this.random.nextInt(90) - 30) : null;
			LocalDate start = (due != null && this.random.nextBoolean()) ? due.minusDays(this.random.nextInt(14))
					: null;
			long position = nextPosition.merge(statuses.get(status), POSITION_GAP, Long::sum);
			String title = DemoText.title(this.random);
			String description = DemoText.description(this.random);
			int priority = this.random.nextInt(5);
			Integer estimate = (this.random.nextInt(3) == 0) ? this.random.nextInt(1, 17) : null;
			tasks.add(new Object[] { taskId, projectId, number, title, description, statuses.get(status), priority,
					assignee, reporter, parent, date(start), date(due), estimate, position,
					done ? Timestamp.from(created.plusSeconds(86_400L * this.random.nextInt(1, 20))) : null,
					Timestamp.from(created) });
			// The event creating it through the API would have made, through the same
			// record and the same serialization.
			events.add(event(new TaskEvent.TaskCreated(projectId, taskId, reporter,
					new TaskEvent.TaskState(project.key() + "-" + number, title, statuses.get(status),
							Priority.stored(priority).value(), assignee, parent,
							(estimate != null) ? BigDecimal.valueOf(estimate) : null, EMPTY, start, due,
							Optional.ofNullable(description))),
					created));
			for (UUID label : distinct(labels, this.random.nextInt(3))) {
				taskLabels.add(new Object[] { projectId, taskId, label });
			}
			for (int c = this.random.nextInt(4); c > 0; c--) {
				comments.add(new Object[] { Ids.newId(), taskId, pick(this.contributors), DemoText.comment(this.random),
						Timestamp.from(created.plusSeconds(3_600L * this.random.nextInt(1, 200))) });
			}
		}
		this.batch.batchUpdate("""
				INSERT INTO tasks (id, project_id, number, title, description, status_id, priority, assignee_id,
				                   reporter_id, parent_id, start_date, due_date, estimate, position, completed_at,
				                   created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", tasks);
		this.batch.batchUpdate("INSERT INTO task_labels (project_id, task_id, label_id) VALUES (?, ?, ?)", taskLabels);
		this.batch.batchUpdate("""
				INSERT INTO comments (id, task_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)
				""", comments);
		this.batch.batchUpdate("""
				INSERT INTO events (id, type, project_id, task_id, actor_id, occurred_at, data)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
				""", events);
		return new Written(tasks.size(), comments.size());
	}

	private List<UUID> insertStatuses(UUID projectId) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < STATUSES.size(); i++) {
			UUID id = Ids.newId();
			this.jdbc.sql("""
					INSERT INTO statuses (id, project_id, name, category, position)
					VALUES (:id, :project, :name, :category, :position)
					""")
				.param("id", id)
				.param("project", projectId)
				.param("name", STATUSES.get(i)[0])
				.param("category", STATUSES.get(i)[1])
				.param("position", i)
				.update();
			ids.add(id);
		}
		return ids;
	}

	private List<UUID> insertLabels(UUID projectId) {
		List<UUID> ids = new ArrayList<>();
		for (String[] label : LABELS) {
			UUID id = Ids.newId();
			this.jdbc.sql("INSERT INTO labels (id, project_id, name, color) VALUES (:id, :project, :name, :color)")
				.param("id", id)
				.param("project", projectId)
				.param("name", label[0])
				.param("color", label[1])
				.update();
			ids.add(id);
		}
		return ids;
	}

	// Most demo work is done or in flight, as in a real tracker that has been
	// used a while.
	private int weightedStatus() {
		int roll = this.random.nextInt(100);
		return (roll < 15) ? 0 : (roll < 35) ? 1 : (roll < 50) ? 2 : (roll < 95) ? 3 : 4;
	}

	private Object[] event(DomainEvent event, Instant at) {
		return new Object[] { Ids.newId(), EventTypes.nameOf(event.getClass()), event.projectId(), event.taskId(),
				event.actorId(), Timestamp.from(at), this.activity.dataOf(event).toString() };
	}

	private UUID pick(List<UUID> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	private List<UUID> distinct(List<UUID> items, int count) {
		List<UUID> shuffled = new ArrayList<>(items);
		Collections.shuffle(shuffled, this.random);
		return shuffled.subList(0, count);
	}

	private static Instant daysAgo(double days) {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds((long) (days * 86_400));
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private static Date date(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	record Written(int tasks, int comments) {
	}

}
