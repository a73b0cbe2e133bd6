package dev.cairn.projects;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A project as stored.
 *
 * @param deletedAt when it went to the trash; null while it is live
 * @param version raised by every change, the project's ETag
 */
public record Project(UUID id, String key, String name, @Nullable String description, Instant createdAt,
		Instant updatedAt, @Nullable Instant deletedAt, long version) {

}
