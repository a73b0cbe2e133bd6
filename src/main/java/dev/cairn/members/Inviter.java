package dev.cairn.members;

import java.util.UUID;

/**
 * Who sent an invitation; null in an invitation whose sender's account is gone.
 */
public record Inviter(UUID userId, String displayName) {

}
