package dev.cairn.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a registration. For an email that already has an account it is made up (a
 * fresh id, nothing stored), so registration cannot be used to find out who has one.
 */
public record RegisteredUser(UUID id, String email, String displayName, boolean emailVerified, Instant createdAt) {

}
