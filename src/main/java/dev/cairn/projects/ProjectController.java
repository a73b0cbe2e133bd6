package dev.cairn.projects;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityEntry;
import dev.cairn.projects.ProjectCommands.CreateProject;
import dev.cairn.projects.ProjectCommands.ProjectPatch;
import dev.cairn.web.Caller;
import dev.cairn.web.ETags;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.IfMatch;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;
import dev.cairn.web.Patch;
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
		ProjectResponse project = ProjectResponse.of(this.projects.create(caller.userId(),
				new CreateProject(request.key(), request.name(), request.description())));
		return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
			.eTag(ETags.of(project.version()))
			.body(project);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	ResponseEntity<Page<ProjectResponse>> mine(Caller caller,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.projects.mine(caller.userId(), cursor, limit).map(ProjectResponse::of).toResponse(request);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/{projectId}")
	ResponseEntity<ProjectResponse> get(Caller caller, @PathVariable UUID projectId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		ProjectResponse project = ProjectResponse.of(this.projects.get(caller.userId(), projectId));
		return ETags.read(project, project.version(), ifNoneMatch);
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping("/{projectId}/activity")
	ResponseEntity<Page<ActivityEntry>> activity(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.projects.activity(caller.userId(), projectId, cursor, limit).toResponse(request);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{projectId}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ProjectResponse> update(Caller caller, @PathVariable UUID projectId, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MergePatch patch = MergePatch.of(body, Set.of("name", "description"));
		Patch<String> name = Patch.from(patch.text("name", ProjectCommands.MAX_NAME, false));
		Patch<String> description = Patch.from(patch.text("description", ProjectCommands.MAX_DESCRIPTION, true));
		ProjectResponse project = ProjectResponse.of(this.projects.update(caller.userId(), projectId,
				patch.build(() -> new ProjectPatch(name, description)), IfMatch.header(ifMatch)));
		return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{projectId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID projectId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.projects.delete(caller.userId(), projectId, IfMatch.header(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PostMapping("/{projectId}/restore")
	ResponseEntity<ProjectResponse> restore(Caller caller, @PathVariable UUID projectId) {
		ProjectResponse project = ProjectResponse.of(this.projects.restore(caller.userId(), projectId));
		return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
	}

	record NewProject(
			@NotBlank @Pattern(regexp = ProjectCommands.KEY_PATTERN,
					message = ProjectCommands.KEY_RULE) @Schema(maxLength = ProjectCommands.KEY_LENGTH) String key,
			@NotBlank @Size(max = ProjectCommands.MAX_NAME) String name,
			@Size(max = ProjectCommands.MAX_DESCRIPTION) String description) {
	}

}
