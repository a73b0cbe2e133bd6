package dev.cairn.fields;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.cairn.fields.FieldCommands.CreateField;
import dev.cairn.fields.FieldCommands.FieldPatch;
import dev.cairn.fields.FieldCommands.OptionDraft;
import dev.cairn.web.Caller;
import dev.cairn.web.Colors;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/fields")
class CustomFieldController {

	private final CustomFields fields;

	CustomFieldController(CustomFields fields) {
		this.fields = fields;
	}

	// A project has at most CustomFields.MAX_FIELDS fields: the whole list is one page.
	@RequiresScope(Caller.Scope.READ)
	@GetMapping
	Map<String, Object> list(Caller caller, @PathVariable UUID projectId) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", this.fields.list(caller.userId(), projectId));
		page.put("nextCursor", null);
		return page;
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Refuses({ ErrorCode.TOO_MANY, ErrorCode.FIELD_NAME_TAKEN })
	ResponseEntity<CustomField> create(Caller caller, @PathVariable UUID projectId,
			@Valid @RequestBody NewField request) {
		List<OptionDraft> options = (request.options() != null) ? request.options()
			.stream()
			.map((option) -> new OptionDraft(null, option.name(), Patch.ofNullable(option.color())))
			.toList() : null;
		FieldType type = FieldType.of(request.type())
			.orElseThrow(() -> new InvalidInput("type", FieldCommands.TYPE_RULE));
		CustomField field = this.fields.create(caller.userId(), projectId,
				new CreateField(request.name(), type, options, request.position()));
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/fields/" + field.id()))
			.body(field);
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@PatchMapping(path = "/{fieldId}", consumes = { "application/merge-patch+json", "application/json" })
	@Refuses({ ErrorCode.FIELD_NAME_TAKEN, ErrorCode.FIELD_TYPE_IMMUTABLE })
	CustomField update(Caller caller, @PathVariable UUID projectId, @PathVariable UUID fieldId,
			@RequestBody JsonNode body) {
		MergePatch patch = MergePatch.of(body, Set.of("name", "type", "options", "position"));
		Patch<String> name = Patch.from(patch.text("name", FieldCommands.MAX_NAME, false));
		Patch<FieldType> type = Patch.from(patch.text("type", 20, false).flatMap((change) -> {
			Optional<FieldType> known = FieldType.of(change.value());
			if (known.isEmpty()) {
				patch.reject("type", FieldCommands.TYPE_RULE);
			}
			return known.map(MergePatch.Change::new);
		}));
		Patch<List<OptionDraft>> options = body.has("options")
				? Patch.of(FieldOptions.read(body.get("options"), patch::reject)) : Patch.absent();
		Patch<Integer> position = Patch.from(patch.integer("position", FieldCommands.POSITION_RULE));
		return this.fields.update(caller.userId(), projectId, fieldId,
				patch.build(() -> new FieldPatch(name, type, options, position)));
	}

	@RequiresScope(Caller.Scope.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{fieldId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID projectId, @PathVariable UUID fieldId) {
		this.fields.delete(caller.userId(), projectId, fieldId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new field; options are for select and multiselect fields, and get their ids from
	 * the server.
	 */
	record NewField(@NotBlank @Size(max = FieldCommands.MAX_NAME) String name,
			@NotNull @Pattern(regexp = "text|number|date|checkbox|url|select|multiselect|user",
					message = FieldCommands.TYPE_RULE) String type,
			@Size(max = FieldOptions.MAX_OPTIONS) List<@NotNull NewOption> options,
			@Min(0) @Max(FieldCommands.MAX_POSITION) Integer position) {
	}

	// Checked by the service, with the same rules as options in a patch; the schema says
	// what it checks.
	record NewOption(@Schema(maxLength = FieldOptions.MAX_NAME) String name,
			@Schema(pattern = "^" + Colors.PATTERN + "$", maxLength = Colors.LENGTH) String color) {
	}

}
