package dev.cairn.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in user's own account, as {@code GET /me} shows it.
 */
public record Me(UUID id, String email, String displayName, boolean emailVerified, boolean admin, Instant createdAt,
		Profile profile) {

	public record Profile(String bio, String timezone, String locale, String avatarUrl) {
	}

}
