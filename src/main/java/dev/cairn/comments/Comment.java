package dev.cairn.comments;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment as stored and shown; {@code authorId} is null once the author's account is
 * gone.
 */
record Comment(UUID id, UUID taskId, UUID authorId, String body, Instant createdAt, Instant editedAt, long version) {

}
