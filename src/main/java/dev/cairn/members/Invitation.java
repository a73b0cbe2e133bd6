package dev.cairn.members;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as its invitee sees it: to which project, with which role, from whom,
 * until when.
 */
public record Invitation(UUID id, InvitedProject project, String role, Inviter invitedBy, Instant createdAt,
		Instant expiresAt) {

	/** The project an invitation is to. */
	public record InvitedProject(UUID id, String key, String name) {

	}

}
