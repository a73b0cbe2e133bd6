package dev.cairn.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.fields.CustomField;
import dev.cairn.fields.CustomFieldFilter;
import dev.cairn.fields.CustomFieldValues;
import dev.cairn.fields.CustomFields;
import dev.cairn.members.Capability;
import dev.cairn.members.Role;
import dev.cairn.platform.Ids;
import dev.cairn.projects.TaskNumbering;
import dev.cairn.projects.TaskNumbering.TaskNumber;
import dev.cairn.tasks.TaskCommands.NewTask;
import dev.cairn.tasks.TaskCommands.TaskPatch;
import dev.cairn.tasks.TaskRepository.Labeled;
import dev.cairn.tasks.TaskRepository.Labelling;
import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.IfMatch;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task use cases. A task is reachable only through its project's access rules; to anyone
 * else it does not exist. They take commands ({@link TaskCommands}) and the version a
 * change expects ({@link IfMatch}), and return {@link TaskView}s: nothing of HTTP.
 */
@Service
class Tasks {

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

	private final TaskNumbering numbering;

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

	@Transactional
	TaskView create(UUID userId, UUID projectId, NewTask command) {
		Role role = this.access.inProject(userId, projectId, Capability.TASKS_WRITE);
		UUID statusId = (command.statusId() != null) ? command.statusId()
				: this.states.first(projectId).orElseThrow(TaskNotFound::new);
		String category = this.states.category(projectId, statusId)
			.orElseThrow(() -> new InvalidReference("statusId is not a status of this project."));
		if (command.assigneeId() != null && !this.access.isMember(command.assigneeId(), projectId)) {
			throw new InvalidReference("assigneeId is not a member of this project.");
		}
		checkDates(command.startDate(), command.dueDate());
		String customFields = command.customFields().isEmpty() ? "{}"
				: storable(CustomFieldValues.validate(this.fields.definitionsForWrite(projectId),
						command.customFields(), false, Map.of(), (user) -> this.access.isMember(user, projectId)));
		// Numbering takes the project lock, before any task row: see lockProject.
		TaskNumber numbered = this.numbering.next(projectId).orElseThrow(TaskNotFound::new);
		if (command.parentId() != null) {
			this.parents.check(projectId, null, command.parentId());
		}
		UUID id = Ids.newId();
		Task task = this.tasks.insertAtBottom(Task.builder()
			.id(id)
			.projectId(projectId)
			.numbered(numbered.projectKey(), numbered.number())
			.title(command.title())
			.description(command.description())
			.statusId(statusId)
			.priority(command.priority())
			.assigneeId(command.assigneeId())
			.reporterId(userId)
			.parentId(command.parentId())
			.startDate(command.startDate())
			.dueDate(command.dueDate())
			.estimate(command.estimate())
			.customFields(customFields)
			.completedAt(WorkflowStates.isDone(category) ? Instant.now() : null)
			.version(1)
			.build());
		this.activity
			.record(new TaskEvent.TaskCreated(projectId, id, userId, TaskEvent.TaskState.withDescription(task)));
		// A task has no labels until one is put on it, after its creation.
		return new TaskView(task, List.of(), role);
	}

	// Reads run outside a transaction: one statement each (the access check is cached),
	// so there is nothing to hold together and no BEGIN or COMMIT to wait for.
	TaskView get(UUID userId, UUID taskId) {
		return visible(userId, this.tasks.findLabeled(taskId).orElseThrow(TaskNotFound::new));
	}

	TaskView getByKey(UUID userId, String key) {
		int dash = key.lastIndexOf('-');
		if (dash < 1 || !key.substring(dash + 1).matches("\\d{1,9}")) {
			throw new TaskNotFound();
		}
		return visible(userId,
				this.tasks.findLabeledByKey(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)))
					.orElseThrow(TaskNotFound::new));
	}

	// One statement, outside a transaction: the page with each task's labels.
	Page<TaskView> list(UUID userId, UUID projectId, TaskFilter filter, Map<String, String> fieldFilters, TaskSort sort,
			String cursor, int limit) {
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
			.map((row) -> new TaskView(row.task(), row.labels(), role));
	}

	@Transactional
	TaskView update(UUID userId, UUID taskId, TaskPatch patch, IfMatch ifMatch) {
		List<CustomField> definitions = null;
		if (patch.places() || !patch.customFields().isAbsent()) {
			// Locks before the task's own, in the one order every write takes
			// them: the field definitions (values), the project row (a new
			// position or parent), the task.
			Task found = this.tasks.find(taskId).orElseThrow(TaskNotFound::new);
			this.access.require(userId, found.projectId(), Capability.TASKS_WRITE);
			if (!patch.customFields().isAbsent()) {
				definitions = this.fields.definitionsForWrite(found.projectId());
			}
			if (patch.places()) {
				this.placements.lockProject(found.projectId());
			}
		}
		Task before = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, before.projectId(), Capability.TASKS_WRITE);
		ifMatch.require(before.version());
		UUID projectId = before.projectId();
		UUID newStatus = patch.statusId().applyTo(before.statusId());
		String category = this.states.category(projectId, newStatus)
			.orElseThrow(() -> new InvalidReference("statusId is not a status of this project."));
		UUID newAssignee = patch.assigneeId().applyTo(before.assigneeId());
		if (!patch.assigneeId().isAbsent() && newAssignee != null && !this.access.isMember(newAssignee, projectId)) {
			throw new InvalidReference("assigneeId is not a member of this project.");
		}
		UUID newParent = patch.parentId().applyTo(before.parentId());
		if (newParent != null && !newParent.equals(before.parentId())) {
			this.parents.check(projectId, taskId, newParent);
		}
		LocalDate newStart = patch.startDate().applyTo(before.startDate());
		LocalDate newDue = patch.dueDate().applyTo(before.dueDate());
		checkDates(newStart, newDue);
		boolean statusChanged = !newStatus.equals(before.statusId());
		Task after = before.toBuilder()
			.title(patch.title().applyTo(before.title()))
			.description(patch.description().applyTo(before.description()))
			.statusId(newStatus)
			.priority(patch.priority().applyTo(before.priority()))
			.assigneeId(newAssignee)
			.parentId(newParent)
			.startDate(newStart)
			.dueDate(newDue)
			.estimate(patch.estimate().applyTo(before.estimate()))
			.position(statusChanged ? this.placements.bottomOf(projectId, newStatus) : before.position())
			.customFields(patch.customFields().isAbsent() ? before.customFields()
					: storable(fieldValues(definitions, patch.customFields().applyTo(null), before)))
			.build();
		List<String> changes = TaskChanges.changes(before, after);
		if (changes.isEmpty()) {
			return view(before, role);
		}
		this.tasks.update(after, WorkflowStates.isDone(category));
		Task saved = this.tasks.find(taskId).orElseThrow();
		boolean described = changes.contains("description");
		this.activity.record(new TaskEvent.TaskUpdated(projectId, taskId, userId,
				described ? TaskEvent.TaskState.withDescription(before) : TaskEvent.TaskState.of(before),
				described ? TaskEvent.TaskState.withDescription(saved) : TaskEvent.TaskState.of(saved), changes));
		return view(saved, role);
	}

	@Transactional
	void delete(UUID userId, UUID taskId, IfMatch ifMatch) {
		Task task = this.access.liveForUpdate(taskId);
		this.access.require(userId, task.projectId(), Capability.TASKS_WRITE);
		ifMatch.require(task.version());
		this.tasks.setDeleted(task.projectId(), taskId, true);
		this.activity.record(new TaskEvent.TaskDeleted(task.projectId(), taskId, userId, TaskEvent.TaskState.of(task)));
	}

	@Transactional
	TaskView restore(UUID userId, UUID taskId) {
		Task task = this.tasks.findForUpdate(taskId).orElseThrow(TaskNotFound::new);
		Role role = this.access.require(userId, task.projectId(), Capability.TASKS_WRITE);
		if (task.deletedAt() != null) {
			this.tasks.setDeleted(task.projectId(), taskId, false);
			this.activity
				.record(new TaskEvent.TaskRestored(task.projectId(), taskId, userId, TaskEvent.TaskState.of(task)));
		}
		return view(this.tasks.find(taskId).orElseThrow(), role);
	}

	/** Puts a label of the task's project on the task; doing it twice changes nothing. */
	@Transactional
	TaskView addLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		Labelling labelling = this.tasks.addLabel(task.projectId(), taskId, labelId);
		if (labelling == Labelling.NO_SUCH_LABEL) {
			throw new LabelNotInProject();
		}
		if (labelling == Labelling.ALREADY_THERE) {
			return view(task, role);
		}
		this.activity.record(TaskEvent.TaskLabelsChanged.added(task.projectId(), taskId, userId, labelId));
		return relabelled(task, role);
	}

	@Transactional
	TaskView removeLabel(UUID userId, UUID taskId, UUID labelId) {
		Task task = this.access.liveForUpdate(taskId);
		Role role = this.access.require(userId, task.projectId(), Capability.TASK_LABELS_WRITE);
		if (!this.tasks.removeLabel(task.projectId(), taskId, labelId)) {
			return view(task, role);
		}
		this.activity.record(TaskEvent.TaskLabelsChanged.removed(task.projectId(), taskId, userId, labelId));
		return relabelled(task, role);
	}

	// The labels changed: so does the version (the ETag), read back with them in one
	// statement. Absent only if the project was trashed meanwhile: 404, and the
	// transaction rolls the label change back.
	private TaskView relabelled(Task task, Role role) {
		this.tasks.newVersion(task.projectId(), task.id());
		Labeled found = this.tasks.findLabeled(task.id()).orElseThrow(TaskNotFound::new);
		return new TaskView(found.task(), found.labels(), role);
	}

	// The values given merged into the stored ones; none (cleared) unsets them all.
	private Map<String, Object> fieldValues(List<CustomField> definitions, Map<String, Object> given, Task task) {
		if (given == null) {
			return new LinkedHashMap<>();
		}
		return CustomFieldValues.validate(definitions, given, true, TaskJson.values(task.customFields()),
				(user) -> this.access.isMember(user, task.projectId()));
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

	private TaskView view(Task task, Role role) {
		return new TaskView(task, this.tasks.labelsOf(task.id()), role);
	}

	private TaskView visible(UUID userId, Labeled found) {
		Task task = found.task();
		if (task.deletedAt() != null) {
			throw new TaskNotFound();
		}
		return new TaskView(task, found.labels(),
				this.access.require(userId, task.projectId(), Capability.PROJECT_READ));
	}

	private static void checkDates(LocalDate start, LocalDate due) {
		if (start != null && due != null && start.isAfter(due)) {
			throw new StartAfterDue();
		}
	}

}
