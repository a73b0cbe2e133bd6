package dev.cairn.labels;

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

import dev.cairn.labels.LabelCommands.CreateLabel;
import dev.cairn.labels.LabelCommands.LabelPatch;
import dev.cairn.web.Caller;
import dev.cairn.web.Colors;
import dev.cairn.web.ErrorCode;
import dev.cairn.web.MergePatch;
import dev.cairn.web.Page;
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
@RequestMapping("/api/v1/projects/{projectId}/labels")
class LabelController {

	private final Labels labels;

	LabelController(Labels labels) {
		this.labels = labels;
	}

	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	ResponseEntity<Page<Label>> list(Caller caller, @PathVariable UUID projectId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Size(max = 1024) String cursor, HttpServletRequest request) {
		return this.labels.list(caller.userId(), projectId, cursor, limit).toResponse(request);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Refuses({ ErrorCode.TOO_MANY, ErrorCode.LABEL_NAME_TAKEN })
	ResponseEntity<Label> create(Caller caller, @PathVariable UUID projectId, @Valid @RequestBody NewLabel request) {
		Label label = this.labels.create(caller.userId(), projectId,
				new CreateLabel(request.name(), request.color(), request.description()));
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/labels/" + label.id()))
			.body(label);
	}

	@RequiresScope(Caller.Scope.WRITE)
	@PatchMapping(path = "/{labelId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.LABEL_NAME_TAKEN })
	Label update(Caller caller, @PathVariable UUID projectId, @PathVariable UUID labelId, @RequestBody JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("name", "color", "description"));
		Patch<String> name = Patch.from(patch.text("name", LabelCommands.MAX_NAME, false));
		Patch<String> color = Patch.from(patch.text("color", Colors.LENGTH, false));
		Patch<String> description = Patch.from(patch.text("description", LabelCommands.MAX_DESCRIPTION, true));
		return this.labels.update(caller.userId(), projectId, labelId,
				patch.build(() -> new LabelPatch(name, color, description)));
	}

	@RequiresScope(Caller.Scope.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{labelId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID projectId, @PathVariable UUID labelId) {
		this.labels.delete(caller.userId(), projectId, labelId);
		return ResponseEntity.noContent().build();
	}

	record NewLabel(@NotBlank @Size(max = LabelCommands.MAX_NAME) String name,
			@Pattern(regexp = Colors.PATTERN, message = Colors.RULE) @Schema(maxLength = Colors.LENGTH) String color,
			@Size(max = LabelCommands.MAX_DESCRIPTION) String description) {
	}

}
