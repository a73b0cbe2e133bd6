package dev.cairn.projects;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.cairn.web.Caller;
import dev.cairn.web.ErrorCode;
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

	private final Statuses statuses;

	StatusController(Statuses statuses) {
		this.statuses = statuses;
	}

	// A project has at most Statuses.MAX_STATUSES statuses: the whole list is one page.
	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	Map<String, Object> list(Caller caller, @PathVariable UUID projectId) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", this.statuses.list(caller.userId(), projectId));
		page.put("nextCursor", null);
		return page;
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Refuses({ ErrorCode.TOO_MANY, ErrorCode.STATUS_NAME_TAKEN })
	ResponseEntity<Status> create(Caller caller, @PathVariable UUID projectId, @Valid @RequestBody NewStatus request) {
		Status status = this.statuses.create(caller.userId(), projectId, request.name(), request.category(),
				request.position());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/statuses/" + status.id()))
			.body(status);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{statusId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.STATUS_NAME_TAKEN })
	Status update(Caller caller, @PathVariable UUID projectId, @PathVariable UUID statusId,
			@RequestBody JsonNode patch) {
		return this.statuses.update(caller.userId(), projectId, statusId, patch);
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

	record NewStatus(@NotBlank @Size(max = 50) String name,
			@NotNull @Pattern(regexp = "backlog|unstarted|started|completed|canceled",
					message = "must be backlog, unstarted, started, completed or canceled") String category,
			@Min(0) @Max(1000) Integer position) {
	}

}
