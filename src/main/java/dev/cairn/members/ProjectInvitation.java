package dev.cairn.members;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending invitation as the project's admins see it: with the address they typed, which
 * is all they learn about the invitee until the invitation is accepted.
 */
public record ProjectInvitation(UUID id, String email, String role, Inviter invitedBy, Instant createdAt,
		Instant expiresAt) {

}
