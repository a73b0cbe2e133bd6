package dev.cairn.projects;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A status as the API shows it, its category spelled as stored ({@code completed}).
 */
@Schema(name = "Status")
record StatusResponse(UUID id, String name, String category, int position) {

	static StatusResponse of(Status status) {
		return new StatusResponse(status.id(), status.name(), status.category().value(), status.position());
	}

}
