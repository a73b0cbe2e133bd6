package dev.cairn.projects;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityEntry;
import dev.cairn.web.Caller;
import dev.cairn.web.ETags;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.Page;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

	private final Projects projects;

	ProjectController(Projects projects) {
		this.projects = projects;
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Refuses({ ErrorCode.PROJECT_KEY_TAKEN })
	ResponseEntity<ProjectResponse> create(Caller caller, @Valid @RequestBody NewProject request) {
		ProjectResponse project = this.projects.create(caller.userId(), request.key(), request.name(),
				request.description());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
			.eTag(ETags.of(project.version()))
			.body(project);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	ResponseEntity<Page<ProjectResponse>> mine(Caller caller,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor) {
		return this.projects.mine(caller.userId(), cursor, limit)
			.toResponse(UriComponentsBuilder.fromPath("/api/v1/projects").queryParam("limit", limit));
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/{projectId}")
	ResponseEntity<ProjectResponse> get(Caller caller, @PathVariable UUID projectId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		ProjectResponse project = this.projects.get(caller.userId(), projectId);
		return ETags.read(project, project.version(), ifNoneMatch);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/{projectId}/activity")
	ResponseEntity<Page<ActivityEntry>> activity(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor) {
		return this.projects.activity(caller.userId(), projectId, cursor, limit)
			.toResponse(UriComponentsBuilder.fromPath("/api/v1/projects/" + projectId + "/activity")
				.queryParam("limit", limit));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{projectId}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ProjectResponse> update(Caller caller, @PathVariable UUID projectId, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ProjectResponse project = this.projects.update(caller.userId(), projectId, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{projectId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID projectId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.projects.delete(caller.userId(), projectId, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PostMapping("/{projectId}/restore")
	ResponseEntity<ProjectResponse> restore(Caller caller, @PathVariable UUID projectId) {
		ProjectResponse project = this.projects.restore(caller.userId(), projectId);
		return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
	}

	record NewProject(
			@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9]{1,9}$",
					message = "must be 2 to 10 capital letters or digits, starting with a letter") @Schema(
							maxLength = 10) String key,
			@NotBlank @Size(max = 200) String name, @Size(max = 10_000) String description) {
	}

}
