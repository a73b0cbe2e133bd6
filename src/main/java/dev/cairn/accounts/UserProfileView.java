package dev.cairn.accounts;

import java.util.UUID;

/**
 * Another user as a fellow project member sees them: no email address, no account state.
 */
record UserProfileView(UUID id, String displayName, Me.Profile profile) {

}
