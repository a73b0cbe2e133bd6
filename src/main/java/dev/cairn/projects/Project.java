package dev.cairn.projects;

import java.time.Instant;
import java.util.UUID;

/**
 * A project as stored.
 */
record Project(UUID id, String key, String name, String description, Instant createdAt, Instant updatedAt,
		Instant deletedAt, long version) {

}
