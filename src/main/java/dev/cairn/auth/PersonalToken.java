package dev.cairn.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A personal access token as its owner sees it in a list: never the secret.
 */
record PersonalToken(UUID id, String name, String tokenHint, List<String> scopes, Instant expiresAt, Instant lastUsedAt,
		Instant createdAt) {

}
