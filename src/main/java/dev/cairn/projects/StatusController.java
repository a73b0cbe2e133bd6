package dev.cairn.projects;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.projects.StatusCommands.CreateStatus;
import dev.cairn.projects.StatusCommands.StatusPatch;
import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Patch;
import dev.cairn.web.Refuses;
import dev.cairn.web.RequiresScope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/statuses")
class StatusController {

	private static final String CATEGORY_RULE = "must be one of " + StatusCategory.listed();

	private final Statuses statuses;

	StatusController(Statuses statuses) {
		this.statuses = statuses;
	}

	// A project has at most Statuses.MAX_STATUSES statuses: the whole list is one page.
	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	Map<String, Object> list(Caller caller, @PathVariable UUID projectId) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", this.statuses.list(caller.userId(), projectId).stream().map(StatusResponse::of).toList());
		page.put("nextCursor", null);
		return page;
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Refuses({ ErrorCode.TOO_MANY, ErrorCode.STATUS_NAME_TAKEN })
	ResponseEntity<StatusResponse> create(Caller caller, @PathVariable UUID projectId,
			@Valid @RequestBody NewStatus request) {
		StatusCategory category = StatusCategory.of(request.category())
			.orElseThrow(() -> new InvalidInput("category", CATEGORY_RULE));
		Status status = this.statuses.create(caller.userId(), projectId,
				new CreateStatus(request.name(), category, request.position()));
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/statuses/" + status.id()))
			.body(StatusResponse.of(status));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{statusId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.STATUS_NAME_TAKEN })
	StatusResponse update(Caller caller, @PathVariable UUID projectId, @PathVariable UUID statusId,
			@RequestBody JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("name", "category", "position"));
		Patch<String> name = Patch.from(patch.text("name", StatusCommands.MAX_NAME, false));
		Patch<StatusCategory> category = Patch.from(patch.text("category", 20, false).flatMap((change) -> {
			Optional<StatusCategory> known = StatusCategory.of(change.value());
			if (known.isEmpty()) {
				patch.reject("category", CATEGORY_RULE);
			}
			return known.map(MergePatch.Change::new);
		}));
		Patch<Integer> position = Patch.from(patch.integer("position", StatusCommands.POSITION_RULE));
		return StatusResponse.of(this.statuses.update(caller.userId(), projectId, statusId,
				patch.build(() -> new StatusPatch(name, category, position))));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{statusId}")
	@Refuses({ ErrorCode.LAST_STATUS, ErrorCode.STATUS_IN_USE })
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID projectId, @PathVariable UUID statusId,
			@RequestParam(required = false) UUID moveTo) {
		this.statuses.delete(caller.userId(), projectId, statusId, moveTo);
		return ResponseEntity.noContent().build();
	}

	record NewStatus(@NotBlank @Size(max = StatusCommands.MAX_NAME) String name,
			@NotNull @Pattern(regexp = "backlog|unstarted|started|completed|canceled",
					message = "must be backlog, unstarted, started, completed or canceled") String category,
			@Min(0) @Max(StatusCommands.MAX_POSITION) Integer position) {
	}

}
