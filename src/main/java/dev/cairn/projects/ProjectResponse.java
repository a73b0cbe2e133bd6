package dev.cairn.projects;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.annotation.JsonSerialize;

import dev.cairn.members.CapabilityNamesJson;
import dev.cairn.members.Role;

/**
 * A project as the caller sees it, with their role and what that role lets them do.
 */
record ProjectResponse(UUID id, String key, String name, String description, Instant createdAt, Instant updatedAt,
		long version, String role, @JsonSerialize(using = CapabilityNamesJson.class) List<String> capabilities) {

	static ProjectResponse of(ProjectView view) {
		Project project = view.project();
		Role role = view.role();
		return new ProjectResponse(project.id(), project.key(), project.name(), project.description(),
				project.createdAt(), project.updatedAt(), project.version(), role.value(), role.capabilityNames());
	}

}
