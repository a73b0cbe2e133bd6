package dev.cairn.tasks;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import org.springdoc.core.annotations.ParameterObject;

import dev.cairn.activity.ActivityEntry;
import dev.cairn.tasks.TaskCommands.NewTask;
import dev.cairn.tasks.TaskCommands.TaskPatch;
import dev.cairn.web.Caller;
import dev.cairn.web.ETags;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.IfMatch;
import dev.cairn.web.JsonValues;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;
import dev.cairn.web.Patch;
import dev.cairn.web.QueryParameters;
import dev.cairn.web.Refuses;
import dev.cairn.web.RequiresScope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

	private static final Set<String> PATCHABLE = Set.of("title", "description", "statusId", "priority", "assigneeId",
			"parentId", "startDate", "dueDate", "estimate", "customFields");

	private final Tasks tasks;

	private final TaskMoves moves;

	private final TaskHistory history;

	TaskController(Tasks tasks, TaskMoves moves, TaskHistory history) {
		this.tasks = tasks;
		this.moves = moves;
		this.history = history;
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/projects/{projectId}/tasks")
	@Refuses({ ErrorCode.INVALID_REFERENCE, ErrorCode.SUBTASKS_TOO_DEEP })
	ResponseEntity<TaskResponse> create(Caller caller, @PathVariable UUID projectId,
			@Valid @RequestBody NewTaskRequest request) {
		Map<String, Object> customFields = JsonValues.object(request.customFields(), "customFields",
				TaskCommands.CUSTOM_FIELDS_RULE);
		TaskResponse task = TaskResponse.of(this.tasks.create(caller.userId(), projectId,
				new NewTask(request.title(), request.description(), request.statusId(),
						Priority.of(request.priority()).orElse(null), request.assigneeId(), request.parentId(),
						request.startDate(), request.dueDate(), request.estimate(), customFields)));
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
			.eTag(ETags.of(task.version()))
			.body(task);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/projects/{projectId}/tasks")
	@QueryParameters(prefixes = "cf.")
	ResponseEntity<Page<TaskResponse>> list(Caller caller, @PathVariable UUID projectId,
			@Valid @ParameterObject TaskListQuery query, HttpServletRequest request) {
		Map<String, String> fieldFilters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith("cf.")) {
				fieldFilters.put(name, values[0]);
			}
		});
		return this.tasks
			.list(caller.userId(), projectId, TaskFilter.of(query, caller.userId()), fieldFilters,
					TaskSort.parse(query.sort()), query.cursor(), query.limit())
			.map(TaskResponse::of)
			.toResponse(request);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/tasks/{taskId}")
	ResponseEntity<TaskResponse> get(Caller caller, @PathVariable UUID taskId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		TaskResponse task = TaskResponse.of(this.tasks.get(caller.userId(), taskId));
		return ETags.read(task, task.version(), ifNoneMatch);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/tasks/by-key/{key}")
	ResponseEntity<TaskResponse> getByKey(Caller caller, @PathVariable @Size(max = 24) String key,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		TaskResponse task = TaskResponse.of(this.tasks.getByKey(caller.userId(), key));
		return ETags.read(task, task.version(), ifNoneMatch);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PatchMapping(path = "/api/v1/tasks/{taskId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.INVALID_REFERENCE, ErrorCode.PARENT_CYCLE, ErrorCode.SUBTASKS_TOO_DEEP })
	ResponseEntity<TaskResponse> update(Caller caller, @PathVariable UUID taskId, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MergePatch patch = MergePatch.of(body, PATCHABLE);
		Patch<String> title = Patch.from(patch.text("title", TaskCommands.MAX_TITLE, false));
		Patch<String> description = Patch.from(patch.text("description", TaskCommands.MAX_DESCRIPTION, true));
		Patch<UUID> statusId = Patch.from(patch.uuid("statusId", false));
		Patch<Priority> priority = Patch.from(priority(patch));
		Patch<UUID> assigneeId = Patch.from(patch.uuid("assigneeId", true));
		Patch<UUID> parentId = Patch.from(patch.uuid("parentId", true));
		Patch<LocalDate> startDate = Patch.from(patch.date("startDate"));
		Patch<LocalDate> dueDate = Patch.from(patch.date("dueDate"));
		Patch<BigDecimal> estimate = Patch.from(patch.amount("estimate", TaskCommands.MAX_ESTIMATE));
		Patch<Map<String, Object>> customFields = Patch
			.from(patch.values("customFields", TaskCommands.CUSTOM_FIELDS_RULE));
		TaskPatch command = patch.build(() -> new TaskPatch(title, description, statusId, priority, assigneeId,
				parentId, startDate, dueDate, estimate, customFields));
		return withETag(this.tasks.update(caller.userId(), taskId, command, IfMatch.header(ifMatch)));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/tasks/{taskId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID taskId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.tasks.delete(caller.userId(), taskId, IfMatch.header(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PutMapping("/api/v1/tasks/{taskId}/labels/{labelId}")
	ResponseEntity<TaskResponse> addLabel(Caller caller, @PathVariable UUID taskId, @PathVariable UUID labelId) {
		return withETag(this.tasks.addLabel(caller.userId(), taskId, labelId));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@DeleteMapping("/api/v1/tasks/{taskId}/labels/{labelId}")
	ResponseEntity<TaskResponse> removeLabel(Caller caller, @PathVariable UUID taskId, @PathVariable UUID labelId) {
		return withETag(this.tasks.removeLabel(caller.userId(), taskId, labelId));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PostMapping("/api/v1/tasks/{taskId}/restore")
	ResponseEntity<TaskResponse> restore(Caller caller, @PathVariable UUID taskId) {
		return withETag(this.tasks.restore(caller.userId(), taskId));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PostMapping("/api/v1/tasks/{taskId}/move")
	@Refuses({ ErrorCode.INVALID_REFERENCE, ErrorCode.NOT_NEIGHBOURS })
	ResponseEntity<TaskResponse> move(Caller caller, @PathVariable UUID taskId, @Valid @RequestBody MoveRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(this.moves.move(caller.userId(), taskId,
				new TaskMoves.Move(request.statusId(), request.afterTaskId(), request.beforeTaskId()),
				IfMatch.header(ifMatch)));
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/api/v1/tasks/{taskId}/activity")
	ResponseEntity<Page<ActivityEntry>> activity(Caller caller, @PathVariable UUID taskId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.history.of(caller.userId(), taskId, cursor, limit).toResponse(request);
	}

	private static ResponseEntity<TaskResponse> withETag(TaskView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.task().version())).body(TaskResponse.of(view));
	}

	// Read as text first, so that a long value is "at most 10 characters", as before
	// priorities were checked by name.
	private static Optional<MergePatch.Change<Priority>> priority(MergePatch patch) {
		return patch.text("priority", 10, false).flatMap((change) -> {
			Optional<Priority> priority = Priority.of(change.value());
			if (priority.isEmpty()) {
				patch.reject("priority", Priority.RULE);
			}
			return priority.map(MergePatch.Change::new);
		});
	}

	record NewTaskRequest(@NotBlank @Size(max = TaskCommands.MAX_TITLE) String title,
			@Size(max = TaskCommands.MAX_DESCRIPTION) String description, UUID statusId,
			@Pattern(regexp = Priority.PATTERN, message = Priority.RULE) String priority, UUID assigneeId,
			UUID parentId, LocalDate startDate, LocalDate dueDate, @DecimalMin("0") @DecimalMax(value = "1000000",
					inclusive = false) @Digits(integer = 7, fraction = 2) BigDecimal estimate,
			JsonNode customFields) {
	}

	/**
	 * Where a task goes on the board.
	 *
	 * @param statusId the column (default: the neighbours', else the task's own)
	 * @param afterTaskId the task that will be directly above it
	 * @param beforeTaskId the task that will be directly below it
	 */
	record MoveRequest(UUID statusId, UUID afterTaskId, UUID beforeTaskId) {
	}

}
