package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityLog;
import dev.cairn.fields.CustomField;
import dev.cairn.fields.CustomFieldFilter;
import dev.cairn.fields.CustomFieldValues;
import dev.cairn.fields.CustomFields;
import dev.cairn.members.Capability;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.tasks.TaskRepository.Labeled;
import dev.cairn.tasks.TaskRepository.Labelling;
import dev.cairn.projects.TaskNumbering;
import dev.cairn.projects.TaskNumbering.TaskNumber;
import dev.cairn.web.ApiProblem;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.InvalidInput;
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

	/**
	 * The status categories in which a task counts as finished (it has a completedAt).
	 */

	/** Estimates are hours, below this. */
	static final BigDecimal MAX_ESTIMATE = new BigDecimal("1000000");

	private static final Set<String> PATCHABLE = Set.of("title", "description", "statusId", "priority", "assigneeId",
			"parentId", "startDate", "dueDate", "estimate", "customFields");

	/** The custom field values of a task, as JSON, are at most this many bytes. */
	static final int MAX_FIELD_VALUES_BYTES = 65_536;

	/** At most this many {@code cf.} filters in one list request. */
	static final int MAX_FIELD_FILTERS = 10;

	private final TaskRepository tasks;

	private final TaskPlacementRepository placements;

	private final TaskAccess access;

	private final TaskParents parents;

	private final ActivityLog activity;

	private final Cursor cursors;

	private final CustomFields fields;

	private final WorkflowStates states;

	Tasks(TaskRepository tasks, TaskPlacementRepository placements, TaskAccess access, TaskParents parents,
			ActivityLog activity, Cursor cursors, CustomFields fields, WorkflowStates states, TaskNumbering numbering) {
		this.numbering = numbering;
		this.fields = fields;
		this.states = states;
		this.tasks = tasks;
		this.placements = placements;
		this.access = access;
		this.parents = parents;
		this.activity = activity;
		this.cursors = cursors;
	}

	private final TaskNumbering numbering;

	@Transactional
	TaskResponse create(UUID userId, UUID projectId, NewTask request) {
		Role role = this.access.inProject(userId, projectId, Capability.TASKS_WRITE);
		UUID statusId = (request.statusId() != null) ? request.statusId()
				: this.states.first(projectId).orElseThrow(TaskAccess::notFound);
		String category = this.states.category(projectId, statusId)
			.orElseThrow(() -> TaskAccess.invalid("statusId is not a status of this project."));
		if (request.assigneeId() != null && !this.access.isMember(request.assigneeId(), projectId)) {
			throw TaskAccess.invalid("assigneeId is not a member of this project.");
		}
		checkDates(request.startDate(), request.dueDate());
		String customFields = (request.customFields() != null)
				? storable(CustomFieldValues.validate(this.fields.definitionsForWrite(projectId),
						request.customFields(), false, Map.of(), (user) -> this.access.isMember(user, projectId)))
				: "{}";
		// Numbering takes the project lock, before any task row: see lockProject.
		TaskNumber numbered = this.numbering.next(projectId).orElseThrow(TaskAccess::notFound);
		if (request.parentId() != null) {
			this.parents.check(projectId, null, request.parentId());
		}
		UUID id = Ids.newId();
		Task task = this.tasks.insertAtBottom(new Task(id, projectId, numbered.projectKey(), numbered.number(),
				request.title().strip(), request.description(), statusId,
				Priority.of(request.priority()).orElse(Priority.NONE).ordinal(), request.assigneeId(), userId,
				request.parentId(), request.startDate(), request.dueDate(), request.estimate(), 0, customFields,
				WorkflowStates.isDone(category) ? Instant.now() : null, null, null, null, 1));
		this.activity
			.record(new TaskEvent.TaskCreated(projectId, id, userId, TaskEvent.TaskState.withDescription(task)));
		// A task has no labels until one is put on it, after its creation.
		return TaskResponse.of(task, List.of(), role);
	}

	// Reads run outside a transaction: one statement each (the access check is cached),
	// so there is nothing to hold together and no BEGIN or COMMIT to wait for.
	TaskResponse get(UUID userId, UUID taskId) {
		return visible(userId, this.tasks.findLabeled(taskId).orElseThrow(TaskAccess::notFound));
	}

	TaskResponse getByKey(UUID userId, String key) {
		int dash = key.lastIndexOf('-');
		if (dash < 1 || !key.substring(dash + 1).matches("\\d{1,9}")) {
			throw TaskAccess.notFound();
		}
		return visible(userId,
				this.tasks.findLabeledByKey(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)))
					.orElseThrow(TaskAccess::notFound));
	}

	// One statement, outside a transaction: the page with each task's labels.
	Page<TaskResponse> list(UUID userId, UUID projectId, TaskFilter filter, Map<String, String> fieldFilters,
			TaskSort sort, String cursor, int limit) {
		Role role = this.access.inProject(userId, projectId, Capability.PROJECT_READ);
		if (!fieldFilters.isEmpty()) {
			if (fieldFilters.size() > MAX_FIELD_FILTERS) {
				throw new InvalidInput("cf", "at most " + MAX_FIELD_FILTERS + " custom field filters");
			}
			filter = filter
				.withFieldConditions(CustomFieldFilter.conditions(this.fields.definitionsOf(projectId), fieldFilters));
		}
		if (sort.field() == TaskSort.Field.POSITION && (filter.statusIds() == null || filter.statusIds().size() != 1)) {
			throw new InvalidInput("sort", "position is the order within one status: filter on exactly one status");
		}
		// The list is the project's tasks, so filtered and so ordered: a
		// cursor of another project, filter or order is no position in it.
		ListKey list = ListKey.of("tasks", projectId, sort.cursorKind(), filter.identity());
		List<String> after = (cursor != null) ? this.cursors.decode(list, cursor, 2) : null;
		List<Labeled> rows = this.tasks.findPage(projectId, filter, sort, after, limit + 1);
		return this.cursors.page(list, rows, limit, (row) -> sort.position(row.task()))
			.map((row) -> TaskResponse.of(row.task(), row.labels(), role));
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
			patch.reject("priority", Priority.RULE);
		}
		var assigneeId = patch.uuid("assigneeId", true).orElse(null);
		var parentId = patch.uuid("parentId", true).orElse(null);
		var startDate = patch.date("startDate").orElse(null);
		var dueDate = patch.date("dueDate").orElse(null);
		var estimate = patch.amount("estimate", MAX_ESTIMATE).orElse(null);
		patch.validate();
		JsonNode customFields = body.get("customFields");

		List<CustomField> definitions = null;
		if (statusId != null || parentId != null || customFields != null) {
			// Locks before the task's own, in the one order every write takes
			// them: the field definitions (values), the project row (a new
			// position or parent), the task.
			Task found = this.tasks.find(taskId).orElseThrow(TaskAccess::notFound);
			this.access.require(userId, found.projectId(), Capability.TASKS_WRITE);
			if (customFields != null) {
				definitions = this.fields.definitionsForWrite(found.projectId());
			}
			if (statusId != null || parentId != null) {
				this.placements.lockProject(found.projectId());
			}
		}
		Task before = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, before.projectId(), Capability.TASKS_WRITE);
		ETags.require(ifMatch, before.version());
		UUID newStatus = (statusId != null) ? statusId.value() : before.statusId();
		String category = this.states.category(before.projectId(), newStatus)
			.orElseThrow(() -> TaskAccess.invalid("statusId is not a status of this project."));
		UUID newAssignee = (assigneeId != null) ? assigneeId.value() : before.assigneeId();
		if (assigneeId != null && newAssignee != null && !this.access.isMember(newAssignee, before.projectId())) {
			throw TaskAccess.invalid("assigneeId is not a member of this project.");
		}
		UUID newParent = (parentId != null) ? parentId.value() : before.parentId();
		if (newParent != null && !newParent.equals(before.parentId())) {
			this.parents.check(before.projectId(), taskId, newParent);
		}
		LocalDate newStart = (startDate != null) ? startDate.value() : before.startDate();
		LocalDate newDue = (dueDate != null) ? dueDate.value() : before.dueDate();
		checkDates(newStart, newDue);
		String newFields = (customFields != null) ? storable(CustomFieldValues.validate(definitions, customFields, true,
				TaskJson.values(before.customFields()), (user) -> this.access.isMember(user, before.projectId())))
				: before.customFields();
		boolean statusChanged = !newStatus.equals(before.statusId());
		Task after = new Task(before.id(), before.projectId(), before.projectKey(), before.number(),
				(title != null) ? title.value().strip() : before.title(),
				(description != null) ? description.value() : before.description(), newStatus,
				(priority != null) ? Priority.of(priority.value()).orElseThrow().ordinal() : before.priority(),
				newAssignee, before.reporterId(), newParent, newStart, newDue,
				(estimate != null) ? estimate.value() : before.estimate(),
				statusChanged ? this.placements.bottomOf(before.projectId(), newStatus) : before.position(), newFields,
				null, null, null, null, before.version());
		List<String> changes = TaskChanges.changes(before, after);
		if (changes.isEmpty()) {
			return response(before, role);
		}
		this.tasks.update(after, WorkflowStates.isDone(category));
		Task saved = this.tasks.find(taskId).orElseThrow();
		boolean described = changes.contains("description");
		this.activity.record(new TaskEvent.TaskUpdated(before.projectId(), taskId, userId,
				described ? TaskEvent.TaskState.withDescription(before) : TaskEvent.TaskState.of(before),
				described ? TaskEvent.TaskState.withDescription(saved) : TaskEvent.TaskState.of(saved), changes));
		return response(saved, role);
	}

	@Transactional
	void delete(UUID userId, UUID taskId, String ifMatch) {
		Task task = this.access.liveForUpdate(taskId);
		this.access.require(userId, task.projectId(), Capability.TASKS_WRITE);
		ETags.require(ifMatch, task.version());
		this.tasks.setDeleted(taskId, true);
		this.activity.record(new TaskEvent.TaskDeleted(task.projectId(), taskId, userId, TaskEvent.TaskState.of(task)));
	}

	@Transactional
	TaskResponse restore(UUID userId, UUID taskId) {
		Task task = this.tasks.findForUpdate(taskId).orElseThrow(TaskAccess::notFound);
		Role role = this.access.require(userId, task.projectId(), Capability.TASKS_WRITE);
		if (task.deletedAt() != null) {
			this.tasks.setDeleted(taskId, false);
			this.activity
				.record(new TaskEvent.TaskRestored(task.projectId(), taskId, userId, TaskEvent.TaskState.of(task)));
		}
		return response(this.tasks.find(taskId).orElseThrow(), role);
	}

	/** Puts a label of the task's project on the task; doing it twice changes nothing. */
	@Transactional
	TaskResponse addLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		Labelling labelling = this.tasks.addLabel(task.projectId(), taskId, labelId);
		if (labelling == Labelling.NO_SUCH_LABEL) {
			throw new ApiProblem(ErrorCode.LABEL_NOT_FOUND, "No such label in this task's project.");
		}
		if (labelling == Labelling.ALREADY_THERE) {
			return response(task, role);
		}
		this.activity.record(TaskEvent.TaskLabelsChanged.added(task.projectId(), taskId, userId, labelId));
		return relabelled(taskId, role);
	}

	@Transactional
	TaskResponse removeLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		if (!this.tasks.removeLabel(task.projectId(), taskId, labelId)) {
			return response(task, role);
		}
		this.activity.record(TaskEvent.TaskLabelsChanged.removed(task.projectId(), taskId, userId, labelId));
		return relabelled(taskId, role);
	}

	// The labels changed: so does the version (the ETag), read back with them in one
	// statement. Absent only if the project was trashed meanwhile: 404, and the
	// transaction rolls the label change back.
	private TaskResponse relabelled(UUID taskId, Role role) {
		this.tasks.newVersion(taskId);
		Labeled found = this.tasks.findLabeled(taskId).orElseThrow(TaskAccess::notFound);
		return TaskResponse.of(found.task(), found.labels(), role);
	}

	// The column holds at most 64 KiB of JSON: past that, a field error, not a
	// failed CHECK (500).
	private static String storable(Map<String, Object> values) {
		String json = TaskJson.write(values);
		if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FIELD_VALUES_BYTES) {
			throw new InvalidInput("customFields", "must be at most 64 KiB as JSON");
		}
		return json;
	}

	private TaskResponse response(Task task, Role role) {
		return TaskResponse.of(task, this.tasks.labelsOf(task.id()), role);
	}

	private TaskResponse visible(UUID userId, Labeled found) {
		Task task = found.task();
		if (task.deletedAt() != null) {
			throw TaskAccess.notFound();
		}
		return TaskResponse.of(task, found.labels(),
				this.access.require(userId, task.projectId(), Capability.PROJECT_READ));
	}

	private static void checkDates(LocalDate start, LocalDate due) {
		if (start != null && due != null && start.isAfter(due)) {
			throw TaskAccess.invalid("startDate is after dueDate.");
		}
	}

	record NewTask(String title, String description, UUID statusId, String priority, UUID assigneeId, UUID parentId,
			LocalDate startDate, LocalDate dueDate, BigDecimal estimate, JsonNode customFields) {
	}

}
