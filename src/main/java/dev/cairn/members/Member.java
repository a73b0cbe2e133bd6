package dev.cairn.members;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a project as the member list shows it.
 */
public record Member(UUID userId, String displayName, String role, Instant joinedAt) {

}
