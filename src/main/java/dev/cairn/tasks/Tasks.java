package dev.cairn.tasks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.web.ApiProblem;
import dev.cairn.web.Cursor;
import dev.cairn.web.ETags;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task use cases. A task is reachable only through its project's access rules; to anyone
 * else it does not exist.
 */
@Service
class Tasks {

	private static final Set<String> DONE = Set.of("completed", "canceled");

	private static final Set<String> PATCHABLE = Set.of("title", "description", "statusId", "priority", "assigneeId",
			"startDate", "dueDate");

	private final TaskRepository tasks;

	private final ProjectAccess access;

	private final ActivityLog activity;

	private final Cursor cursors;

	Tasks(TaskRepository tasks, ProjectAccess access, ActivityLog activity, Cursor cursors) {
		this.tasks = tasks;
		this.access = access;
		this.activity = activity;
		this.cursors = cursors;
	}

	@Transactional
	TaskResponse create(UUID userId, UUID projectId, NewTask request) {
		Role role = this.access.requireLive(userId, projectId, Capability.TASKS_WRITE);
		UUID statusId = (request.statusId() != null) ? request.statusId()
				: this.tasks.firstStatus(projectId).orElseThrow(ProjectNotFound::new);
		String category = this.tasks.statusCategory(projectId, statusId)
			.orElseThrow(() -> invalid("statusId is not a status of this project."));
		if (request.assigneeId() != null && !this.access.isMember(request.assigneeId(), projectId)) {
			throw invalid("assigneeId is not a member of this project.");
		}
		checkDates(request.startDate(), request.dueDate());
		int number = this.tasks.nextNumber(projectId).orElseThrow(ProjectNotFound::new);
		UUID id = Ids.newId();
		this.tasks.insert(new Task(id, projectId, null, number, request.title().strip(), request.description(),
				statusId, Priority.of(request.priority()).orElse(Priority.NONE).ordinal(), request.assigneeId(), userId,
				request.startDate(), request.dueDate(), this.tasks.bottomOf(projectId, statusId),
				DONE.contains(category) ? java.time.Instant.now() : null, null, null, null, 1));
		Task task = this.tasks.find(id).orElseThrow();
		this.activity.record("task.created", projectId, id, userId, Map.of("after", snapshot(task)));
		return response(task, role);
	}

	@Transactional(readOnly = true)
	TaskResponse get(UUID userId, UUID taskId) {
		return visible(userId, this.tasks.find(taskId).orElseThrow(Tasks::notFound));
	}

	@Transactional(readOnly = true)
	TaskResponse getByKey(UUID userId, String key) {
		int dash = key.lastIndexOf('-');
		if (dash < 1 || !key.substring(dash + 1).matches("\\d{1,9}")) {
			throw notFound();
		}
		return visible(userId, this.tasks.findByKey(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)))
			.orElseThrow(Tasks::notFound));
	}

	@Transactional(readOnly = true)
	Page<TaskResponse> list(UUID userId, UUID projectId, TaskFilter filter, String cursor, int limit) {
		Role role = this.access.requireLive(userId, projectId, Capability.PROJECT_READ);
		List<Task> rows = this.tasks.findPage(projectId, filter, this.cursors.afterId("tasks", cursor), limit + 1);
		Page<Task> page = this.cursors.page("tasks", rows, limit, (task) -> List.of(task.id().toString()));
		// One query for the labels of the whole page: two round trips, whatever its size.
		Map<UUID, List<UUID>> labels = this.tasks.labelsOf(page.items().stream().map(Task::id).toList());
		return page.map((task) -> TaskResponse.of(task, labels.getOrDefault(task.id(), List.of()), role));
	}

	@Transactional
	TaskResponse update(UUID userId, UUID taskId, JsonNode body, String ifMatch) {
		MergePatch patch = MergePatch.of(body, PATCHABLE);
		var title = patch.text("title", 500, false).orElse(null);
		if (title != null && title.value().isBlank()) {
			patch.reject("title", "must not be blank");
		}
		var description = patch.text("description", 100_000, true).orElse(null);
		var statusId = patch.uuid("statusId", false).orElse(null);
		var priority = patch.text("priority", 10, false).orElse(null);
		if (priority != null && Priority.of(priority.value()).isEmpty()) {
			patch.reject("priority", "must be none, low, medium, high or urgent");
		}
		var assigneeId = patch.uuid("assigneeId", true).orElse(null);
		var startDate = patch.date("startDate").orElse(null);
		var dueDate = patch.date("dueDate").orElse(null);
		patch.validate();

		Task before = this.tasks.findForUpdate(taskId)
			.filter((task) -> task.deletedAt() == null)
			.orElseThrow(Tasks::notFound);
		Role role = requireRole(userId, before.projectId(), Capability.TASKS_WRITE);
		ETags.require(ifMatch, before.version());
		UUID newStatus = (statusId != null) ? statusId.value() : before.statusId();
		String category = this.tasks.statusCategory(before.projectId(), newStatus)
			.orElseThrow(() -> invalid("statusId is not a status of this project."));
		UUID newAssignee = (assigneeId != null) ? assigneeId.value() : before.assigneeId();
		if (assigneeId != null && newAssignee != null && !this.access.isMember(newAssignee, before.projectId())) {
			throw invalid("assigneeId is not a member of this project.");
		}
		LocalDate newStart = (startDate != null) ? startDate.value() : before.startDate();
		LocalDate newDue = (dueDate != null) ? dueDate.value() : before.dueDate();
		checkDates(newStart, newDue);
		boolean statusChanged = !newStatus.equals(before.statusId());
		Task after = new Task(before.id(), before.projectId(), before.projectKey(), before.number(),
				(title != null) ? title.value().strip() : before.title(),
				(description != null) ? description.value() : before.description(), newStatus,
				(priority != null) ? Priority.of(priority.value()).orElseThrow().ordinal() : before.priority(),
				newAssignee, before.reporterId(), newStart, newDue,
				statusChanged ? this.tasks.bottomOf(before.projectId(), newStatus) : before.position(), null, null,
				null, null, before.version());
		List<String> changes = changes(before, after);
		if (changes.isEmpty()) {
			return response(before, role);
		}
		this.tasks.update(after, DONE.contains(category));
		Task saved = this.tasks.find(taskId).orElseThrow();
		this.activity.record("task.updated", before.projectId(), taskId, userId,
				Map.of("before", snapshot(before), "after", snapshot(saved), "changes", changes));
		return response(saved, role);
	}

	@Transactional
	void delete(UUID userId, UUID taskId, String ifMatch) {
		Task task = this.tasks.findForUpdate(taskId)
			.filter((found) -> found.deletedAt() == null)
			.orElseThrow(Tasks::notFound);
		requireRole(userId, task.projectId(), Capability.TASKS_WRITE);
		ETags.require(ifMatch, task.version());
		this.tasks.setDeleted(taskId, true);
		this.activity.record("task.deleted", task.projectId(), taskId, userId, Map.of("before", snapshot(task)));
	}

	@Transactional
	TaskResponse restore(UUID userId, UUID taskId) {
		Task task = this.tasks.findForUpdate(taskId).orElseThrow(Tasks::notFound);
		Role role = requireRole(userId, task.projectId(), Capability.TASKS_WRITE);
		if (task.deletedAt() != null) {
			this.tasks.setDeleted(taskId, false);
			this.activity.record("task.restored", task.projectId(), taskId, userId, Map.of("after", snapshot(task)));
		}
		return response(this.tasks.find(taskId).orElseThrow(), role);
	}

	/** Puts a label of the task's project on the task; doing it twice changes nothing. */
	@Transactional
	TaskResponse addLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = liveForUpdate(taskId);
		Role role = requireRole(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		if (!this.tasks.addLabel(task.projectId(), taskId, labelId)) {
			throw new ApiProblem(ErrorCode.LABEL_NOT_FOUND, "No such label in this task's project.");
		}
		this.activity.record("task.updated", task.projectId(), taskId, userId,
				Map.of("after", Map.of("labelAdded", labelId.toString()), "changes", List.of("labels")));
		return response(task, role);
	}

	@Transactional
	TaskResponse removeLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = liveForUpdate(taskId);
		Role role = requireRole(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		if (this.tasks.removeLabel(task.projectId(), taskId, labelId)) {
			this.activity.record("task.updated", task.projectId(), taskId, userId,
					Map.of("after", Map.of("labelRemoved", labelId.toString()), "changes", List.of("labels")));
		}
		return response(task, role);
	}

	private Task liveForUpdate(UUID taskId) {
		return this.tasks.findForUpdate(taskId).filter((task) -> task.deletedAt() == null).orElseThrow(Tasks::notFound);
	}

	private TaskResponse response(Task task, Role role) {
		return TaskResponse.of(task, this.tasks.labelsOf(List.of(task.id())).getOrDefault(task.id(), List.of()), role);
	}

	private TaskResponse visible(UUID userId, Task task) {
		if (task.deletedAt() != null) {
			throw notFound();
		}
		return response(task, requireRole(userId, task.projectId(), Capability.PROJECT_READ));
	}

	// A stranger to the project gets "no such task", never "no such project".
	private Role requireRole(UUID userId, UUID projectId, Capability capability) {
		try {
			return this.access.requireLive(userId, projectId, capability);
		}
		catch (ProjectNotFound ex) {
			throw notFound();
		}
	}

	private static void checkDates(LocalDate start, LocalDate due) {
		if (start != null && due != null && start.isAfter(due)) {
			throw invalid("startDate is after dueDate.");
		}
	}

	private static List<String> changes(Task before, Task after) {
		Map<String, Function<Task, Object>> fields = new LinkedHashMap<>();
		fields.put("title", Task::title);
		fields.put("description", Task::description);
		fields.put("statusId", Task::statusId);
		fields.put("priority", Task::priority);
		fields.put("assigneeId", Task::assigneeId);
		fields.put("startDate", Task::startDate);
		fields.put("dueDate", Task::dueDate);
		return fields.entrySet()
			.stream()
			.filter((field) -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static Map<String, Object> snapshot(Task task) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("key", (task.projectKey() != null) ? task.key() : null);
		fields.put("title", task.title());
		fields.put("statusId", String.valueOf(task.statusId()));
		fields.put("priority", Priority.values()[task.priority()].value());
		fields.put("assigneeId", (task.assigneeId() != null) ? task.assigneeId().toString() : null);
		fields.put("startDate", (task.startDate() != null) ? task.startDate().toString() : null);
		fields.put("dueDate", (task.dueDate() != null) ? task.dueDate().toString() : null);
		return fields;
	}

	private static ApiProblem notFound() {
		return new ApiProblem(ErrorCode.TASK_NOT_FOUND, "No such task.");
	}

	private static ApiProblem invalid(String detail) {
		return new ApiProblem(ErrorCode.INVALID_REFERENCE, detail);
	}

	record NewTask(String title, String description, UUID statusId, String priority, UUID assigneeId,
			LocalDate startDate, LocalDate dueDate) {
	}

}
