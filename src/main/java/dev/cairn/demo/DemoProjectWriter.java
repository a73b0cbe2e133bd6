package dev.cairn.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.cairn.activity.ActivityLog.PastEvent;
import dev.cairn.comments.CommentImports.ImportedComment;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.projects.DefaultWorkflow;
import dev.cairn.projects.ProjectEvent;
import dev.cairn.projects.ProjectImports.ImportedStatus;
import dev.cairn.tasks.Priority;
import dev.cairn.tasks.TaskEvent;
import dev.cairn.tasks.TaskImports.ImportedTask;
import dev.cairn.tasks.TaskImports.TaskLabel;

/**
 * Writes one demo project: its members, statuses, labels, tasks (some of them subtasks),
 * labels on tasks, comments, and the activity events that creating them would have made.
 * Through each module's imports (rows as they were, with their times), so the demo writes
 * no table of another module, and its events through the same records as every change.
 */
class DemoProjectWriter {

	private static final List<String[]> LABELS = List.of(new String[] { "bug", "#dc2626" },
			new String[] { "feature", "#2563eb" }, new String[] { "chore", "#6b7280" },
			new String[] { "docs", "#16a34a" }, new String[] { "performance", "#d97706" },
			new String[] { "security", "#7c3aed" });

	private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

	private final DemoImports imports;

	private final Random random;

	private final Map<String, UUID> usersByRole;

	private final List<UUID> contributors;

	DemoProjectWriter(DemoImports imports, Random random, Map<String, UUID> usersByRole) {
		this.imports = imports;
		this.random = random;
		this.usersByRole = usersByRole;
		// Viewers read; everyone else reports, works on and discusses tasks.
		this.contributors = List.of(usersByRole.get("owner"), usersByRole.get("admin"), usersByRole.get("member"));
	}

	Written write(DemoProject project) {
		UUID projectId = Ids.newId();
		UUID owner = this.usersByRole.get("owner");
		this.imports.projects()
			.insert(projectId, project.key(), project.name(), project.description(), project.tasks(), owner,
					daysAgo(180));
		this.usersByRole.forEach((role, user) -> this.imports.members().insert(projectId, user, Role.of(role)));
		List<PastEvent> events = new ArrayList<>();
		events.add(new PastEvent(
				new ProjectEvent.ProjectCreated(projectId, owner,
						new ProjectEvent.ProjectState(project.key(), project.name(), project.description())),
				daysAgo(180)));
		List<UUID> statuses = insertStatuses(projectId);
		List<UUID> labels = insertLabels(projectId);
		List<ImportedTask> tasks = new ArrayList<>();
		List<TaskLabel> taskLabels = new ArrayList<>();
		List<ImportedComment> comments = new ArrayList<>();
		List<UUID> topLevel = new ArrayList<>();
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
			String title = DemoText.title(this.random);
			String description = DemoText.description(this.random);
			Priority priority = Priority.stored(this.random.nextInt(5));
			BigDecimal estimate = (this.random.nextInt(3) == 0) ? BigDecimal.valueOf(this.random.nextInt(1, 17)) : null;
			Instant completed = done ? created.plusSeconds(86_400L * this.random.nextInt(1, 20)) : null;
			tasks.add(new ImportedTask(taskId, projectId, number, title, description, statuses.get(status), priority,
					assignee, reporter, parent, start, due, estimate, completed, created));
			// The event creating it through the API would have made, through the same
			// record and the same serialization.
			events.add(new PastEvent(new TaskEvent.TaskCreated(projectId, taskId, reporter,
					new TaskEvent.TaskState(project.key() + "-" + number, title, statuses.get(status), priority.value(),
							assignee, parent, estimate, EMPTY, start, due, Optional.ofNullable(description))),
					created));
			for (UUID label : distinct(labels, this.random.nextInt(3))) {
				taskLabels.add(new TaskLabel(projectId, taskId, label));
			}
			for (int c = this.random.nextInt(4); c > 0; c--) {
				comments.add(new ImportedComment(Ids.newId(), taskId, pick(this.contributors),
						DemoText.comment(this.random), created.plusSeconds(3_600L * this.random.nextInt(1, 200))));
			}
		}
		this.imports.tasks().insert(tasks);
		this.imports.tasks().insertLabels(taskLabels);
		this.imports.comments().insert(comments);
		this.imports.activity().importAll(events);
		return new Written(tasks.size(), comments.size());
	}

	private List<UUID> insertStatuses(UUID projectId) {
		List<ImportedStatus> statuses = DefaultWorkflow.STEPS.stream()
			.map((step) -> new ImportedStatus(Ids.newId(), step.name(), step.category()))
			.toList();
		this.imports.projects().insertStatuses(projectId, statuses);
		return statuses.stream().map(ImportedStatus::id).toList();
	}

	private List<UUID> insertLabels(UUID projectId) {
		List<UUID> ids = new ArrayList<>();
		for (String[] label : LABELS) {
			UUID id = Ids.newId();
			this.imports.labels().insert(projectId, id, label[0], label[1]);
			ids.add(id);
		}
		return ids;
	}

	// Most demo work is done or in flight, as in a tracker in use for some time.
	private int weightedStatus() {
		int roll = this.random.nextInt(100);
		return (roll < 15) ? 0 : (roll < 35) ? 1 : (roll < 50) ? 2 : (roll < 95) ? 3 : 4;
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

	record Written(int tasks, int comments) {
	}

}
